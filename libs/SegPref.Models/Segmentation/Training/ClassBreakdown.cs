using SegPref.Avs.Metrics;

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// Per-class view of a segmenter's predictions on an AVS-Synth split, to see where segmentation preference lives:
/// how well each class is segmented when it sounds (the official per-frame Jaccard), how often the model paints
/// nothing then, and how much of the class's box it paints when the class is visible but silent.
/// </summary>
public static class ClassBreakdown
{
    /// <summary>One row per sound-capable class seen in <paramref name="frames"/>, ordered by name.</summary>
    /// <param name="frames">The split (its <see cref="FrameRecord.Objects"/> must be known).</param>
    /// <param name="probabilities">Foreground probabilities [S*S] per row of <paramref name="frames"/>.</param>
    /// <exception cref="ArgumentException">The counts or sizes do not match, or the frames carry no objects.</exception>
    public static IReadOnlyList<ClassResult> Compute(SegmentationFrames frames, IReadOnlyList<float[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Count != frames.Count || probabilities.Any(p => p.Length != frames.MaskLength))
        {
            throw new ArgumentException($"Expected {frames.Count} probability maps of {frames.MaskLength} pixels.", nameof(probabilities));
        }

        if (frames.Frames.All(f => f.Objects.Count == 0))
        {
            throw new ArgumentException("The frames carry no object lists (AVS-Synth synth.json objects); no per-class breakdown.", nameof(frames));
        }

        var tallies = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        for (var row = 0; row < frames.Count; row++)
        {
            var probs = probabilities[row];
            var truth = frames.Masks.AsSpan(row * frames.MaskLength, frames.MaskLength);
            var iou = AvsJaccard.Frame(probs, truth);
            var blank = !probs.Any(p => p > AvsJaccard.Threshold);
            foreach (var o in frames.Frames[row].Objects.Where(o => !o.Distractor).DistinctBy(o => (o.Kind, o.Sounding)))
            {
                var tally = tallies.TryGetValue(o.Kind, out var t) ? t : tallies[o.Kind] = new Tally();
                if (o.Sounding)
                {
                    tally.Sounding++;
                    tally.IoUSum += iou;
                    tally.Blank += blank ? 1 : 0;
                }
                else if (BoxPaint(o, probs, truth, frames.Size) is { } paint)
                {
                    tally.Silent++;
                    tally.PaintSum += paint;
                }
            }
        }

        return [.. tallies.Select(kv => new ClassResult(
            kv.Key,
            kv.Value.Sounding,
            kv.Value.Sounding == 0 ? null : kv.Value.IoUSum / kv.Value.Sounding,
            kv.Value.Sounding == 0 ? null : (double)kv.Value.Blank / kv.Value.Sounding,
            kv.Value.Silent,
            kv.Value.Silent == 0 ? null : kv.Value.PaintSum / kv.Value.Silent))];
    }

    // Fraction of the object's box (minus ground-truth foreground, which belongs to sounding objects) painted; null when
    // nothing of the box is left.
    internal static double? BoxPaint(FrameObject o, float[] probs, ReadOnlySpan<byte> truth, int size)
    {
        int painted = 0, area = 0;
        for (var y = Math.Max(0, o.Y); y < Math.Min(size, o.Y + o.Height); y++)
        {
            for (var x = Math.Max(0, o.X); x < Math.Min(size, o.X + o.Width); x++)
            {
                var i = (y * size) + x;
                if (truth[i] != 0)
                {
                    continue;
                }

                area++;
                painted += probs[i] > AvsJaccard.Threshold ? 1 : 0;
            }
        }

        return area == 0 ? null : (double)painted / area;
    }

    private sealed class Tally
    {
        public int Sounding { get; set; }

        public double IoUSum { get; set; }

        public int Blank { get; set; }

        public int Silent { get; set; }

        public double PaintSum { get; set; }
    }
}
