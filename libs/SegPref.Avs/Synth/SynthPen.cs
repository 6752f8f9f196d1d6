using SkiaSharp;

namespace SegPref.Avs.Synth;

/// <summary>
/// Paints for one drawing pass. The silhouette pass draws the very same geometry in opaque white without
/// anti-aliasing, so masks follow the drawn shapes pixel for pixel (up to edge blending).
/// </summary>
internal sealed class SynthPen : IDisposable
{
    private readonly SKPaint _paint;
    private readonly bool _silhouette;

    public SynthPen(bool silhouette)
    {
        _silhouette = silhouette;
        _paint = new SKPaint { IsAntialias = !silhouette };
    }

    public SKPaint Fill(SKColor color)
    {
        _paint.Style = SKPaintStyle.Fill;
        _paint.Color = _silhouette ? SKColors.White : color;
        return _paint;
    }

    /// <summary>A stroke; <paramref name="width"/> is in the unit-square coordinates of the shape.</summary>
    public SKPaint Stroke(SKColor color, float width)
    {
        _paint.Style = SKPaintStyle.Stroke;
        _paint.StrokeWidth = width;
        _paint.StrokeCap = SKStrokeCap.Round;
        _paint.Color = _silhouette ? SKColors.White : color;
        return _paint;
    }

    public void Dispose() => _paint.Dispose();
}
