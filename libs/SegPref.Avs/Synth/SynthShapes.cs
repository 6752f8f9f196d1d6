using SkiaSharp;

namespace SegPref.Avs.Synth;

/// <summary>
/// Draws each kind as a composition of parts in a unit square mapped onto the object's box, so the same code
/// paints frames and silhouettes (see <see cref="SynthPen"/>).
/// </summary>
internal static partial class SynthShapes
{
    private static readonly SKColor Dark = new(0x22, 0x1E, 0x1C);
    private static readonly SKColor Light = new(0xF4, 0xF1, 0xE8);
    private static readonly SKColor Glass = new(0xA8, 0xD4, 0xF0);

    /// <summary>Draws <paramref name="kind"/> into <paramref name="box"/> (pixels).</summary>
    public static void Draw(SKCanvas canvas, string kind, SKRect box, SynthStyle style, SynthPen pen)
    {
        canvas.Save();
        if (style.Flip)
        {
            canvas.Translate(box.Right, box.Top);
            canvas.Scale(-box.Width, box.Height);
        }
        else
        {
            canvas.Translate(box.Left, box.Top);
            canvas.Scale(box.Width, box.Height);
        }

        Action<SKCanvas, SynthStyle, SynthPen> draw = kind switch
        {
            "guitar" => Guitar, "piano" => Piano, "violin" => Violin, "drum" => Drum, "trumpet" => Trumpet,
            "dog" => Dog, "cat" => Cat, "bird" => Bird, "car" => Car, "helicopter" => Helicopter, "clock" => Clock,
            "baby" => Baby, "man" => Man, "woman" => Woman,
            "chair" => Chair, "table" => Table, "tree" => Tree, "box" => Box, "lamp" => Lamp,
            _ => throw new ArgumentException($"No AVS-Synth shape for kind '{kind}'.", nameof(kind)),
        };
        draw(canvas, style, pen);
        canvas.Restore();
    }

    private static void Poly(SKCanvas c, SKPaint paint, params float[] xy)
    {
        using var builder = new SKPathBuilder();
        builder.MoveTo(xy[0], xy[1]);
        for (var i = 2; i < xy.Length; i += 2)
        {
            builder.LineTo(xy[i], xy[i + 1]);
        }

        builder.Close();
        using var path = builder.Detach();
        c.DrawPath(path, paint);
    }

    private static SKColor Shade(SKColor c, float factor) =>
        new((byte)Math.Clamp(c.Red * factor, 0, 255), (byte)Math.Clamp(c.Green * factor, 0, 255), (byte)Math.Clamp(c.Blue * factor, 0, 255));
}
