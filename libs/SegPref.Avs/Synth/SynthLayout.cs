using SkiaSharp;

namespace SegPref.Avs.Synth;

/// <summary>
/// Places a clip's objects: random size and position, a small drift across frames, boxes inside the frame.
/// Layouts where occlusion hides more than <see cref="MaxHidden"/> of any object in any frame are redrawn
/// (objects a little smaller each time); after <see cref="Attempts"/> tries a non-overlapping grid is used,
/// so every object stays mostly visible.
/// </summary>
internal static class SynthLayout
{
    public const double MaxHidden = 0.4;
    private const int Attempts = 24;

    public static SynthObjectPlan[] Place(SynthCast cast, int sizePx, int frames, SynthRandom rng)
    {
        var styles = cast.Kinds.Select(k => SynthLooks.DrawStyle(k, rng)).ToArray();
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var shrink = MathF.Pow(0.95f, attempt);
            var plans = cast.Kinds.Select((k, i) => new SynthObjectPlan(k, cast.Distractor[i], styles[i], RandomBoxes(k, sizePx, frames, shrink, rng))).ToArray();
            if (MostlyVisible(plans, sizePx, frames))
            {
                return plans;
            }
        }

        return cast.Kinds.Select((k, i) => new SynthObjectPlan(k, cast.Distractor[i], styles[i], GridBoxes(k, i, sizePx, frames))).ToArray();
    }

    private static SKRect[] RandomBoxes(string kind, int sizePx, int frames, float shrink, SynthRandom rng)
    {
        var (w, h) = Size(kind, sizePx, rng.RangeF(0.3, 0.5) * shrink);
        var step = 0.04f * sizePx;
        var vx = rng.RangeF(-step, step);
        var vy = rng.RangeF(-step / 2, step / 2);
        var travelX = Math.Abs(vx) * (frames - 1);
        var travelY = Math.Abs(vy) * (frames - 1);
        var x0 = rng.RangeF(0, Math.Max(0, sizePx - w - travelX)) + (vx < 0 ? travelX : 0);
        var y0 = rng.RangeF(0, Math.Max(0, sizePx - h - travelY)) + (vy < 0 ? travelY : 0);
        return Enumerable.Range(0, frames).Select(t => Clamp(SKRect.Create(x0 + (vx * t), y0 + (vy * t), w, h), sizePx)).ToArray();
    }

    private static SKRect[] GridBoxes(string kind, int index, int sizePx, int frames)
    {
        var cell = sizePx / 2f;
        var (w, h) = Size(kind, sizePx, 0.45f);
        var scale = Math.Min(1f, Math.Min(cell / w, cell / h));
        var box = SKRect.Create((index % 2 * cell) + ((cell - (w * scale)) / 2), (index / 2 * cell) + ((cell - (h * scale)) / 2), w * scale, h * scale);
        return Enumerable.Repeat(box, frames).ToArray();
    }

    // Height from the relative size, width from the kind's aspect; both limited to 90% of the frame.
    private static (float W, float H) Size(string kind, int sizePx, float fraction)
    {
        var h = fraction * SynthLooks.Size(kind) * sizePx;
        var w = h * SynthLooks.Aspect(kind);
        var fit = Math.Min(1f, 0.9f * sizePx / Math.Max(w, h));
        return (Math.Max(4, w * fit), Math.Max(4, h * fit));
    }

    private static SKRect Clamp(SKRect r, int sizePx)
    {
        var x = Math.Clamp(r.Left, 0, Math.Max(0, sizePx - r.Width));
        var y = Math.Clamp(r.Top, 0, Math.Max(0, sizePx - r.Height));
        return SKRect.Create(x, y, r.Width, r.Height);
    }

    private static bool MostlyVisible(SynthObjectPlan[] plans, int sizePx, int frames)
    {
        for (var t = 0; t < frames; t++)
        {
            var visible = SynthRenderer.VisibleFractions(plans, sizePx, t);
            if (visible.Any(v => v < 1 - MaxHidden))
            {
                return false;
            }
        }

        return true;
    }
}
