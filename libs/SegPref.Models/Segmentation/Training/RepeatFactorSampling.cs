using System.Text.Json;

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// Repeat-factor sampling for the long tail of sounding classes (after LVIS, Gupta et al. 2019): a class that sounds in
/// a fraction f_c of the training frames gets r_c = max(1, sqrt(t / f_c)); a frame gets the largest r_c of the classes
/// that sound in it (1 when none does). An epoch then draws as many frames as usual, with replacement, each with
/// probability proportional to its factor: frames where rarely-sounding classes sound are seen more often, at the
/// same cost per epoch. The ground truth it reads (which classes sound) is the training split's own AVSS labels.
/// With <c>silentObjects</c> the events are instead the visible objects that do not sound ("silent guitar", from
/// AVS-Synth's boxes): the frames that contradict a class's habit of sounding (the segmentation preference) are then
/// drawn more often.
/// </summary>
public static class RepeatFactorSampling
{
    /// <summary>The run-folder file listing every class's frequency and factor.</summary>
    public const string FileName = "repeat-factors.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>
    /// Writes {"threshold", "classes": [{"class", "frames", "frequency", "factor"}]} to <paramref name="path"/>, the
    /// <paramref name="classes"/> being <see cref="ClassFactors"/> at <paramref name="threshold"/>.
    /// </summary>
    public static void WriteClassFactors(string path, double threshold, IReadOnlyList<(string Class, int Frames, double Frequency, double Factor)> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var rows = classes.Select(c => new { @class = c.Class, frames = c.Frames, frequency = c.Frequency, factor = c.Factor });
        File.WriteAllText(path, JsonSerializer.Serialize(new { threshold, classes = rows }, Json));
    }

    /// <summary>The prefix of a silent visible object's event (<see cref="Events"/>).</summary>
    public const string SilentPrefix = "silent ";

    /// <summary>
    /// Per sounding class (with <paramref name="silentObjects"/>: per silent visible class, named "silent CLASS"): how
    /// many frames it occurs in, its frequency and its repeat factor, rarest first.
    /// </summary>
    public static IReadOnlyList<(string Class, int Frames, double Frequency, double Factor)> ClassFactors(IReadOnlyList<FrameRecord> frames, double threshold, bool silentObjects = false)
    {
        ArgumentNullException.ThrowIfNull(frames);
        Check(threshold);
        return frames.SelectMany(f => Events(f, silentObjects))
            .GroupBy(c => c, StringComparer.Ordinal)
            .Select(g =>
            {
                var frequency = (double)g.Count() / frames.Count;
                return (g.Key, g.Count(), frequency, Math.Max(1, Math.Sqrt(threshold / frequency)));
            })
            .OrderBy(c => c.Item2).ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The repeat factor of every frame (1 for frames where nothing sounds), from the <paramref name="classes"/> that
    /// <see cref="ClassFactors"/> gave for the same <paramref name="frames"/>.
    /// </summary>
    public static double[] FrameFactors(IReadOnlyList<FrameRecord> frames, IReadOnlyList<(string Class, int Frames, double Frequency, double Factor)> classes, bool silentObjects = false)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(classes);
        var byClass = classes.ToDictionary(c => c.Class, c => c.Factor, StringComparer.Ordinal);
        return [.. frames.Select(f => Events(f, silentObjects).Select(c => byClass[c]).DefaultIfEmpty(1).Max())];
    }

    /// <summary>
    /// The distinct events of one frame: its sounding classes, or with <paramref name="silentObjects"/> "silent CLASS" for
    /// each visible object of a class that can sound but does not here (AVS-Synth's distractors, classes that never sound,
    /// are not events).
    /// </summary>
    public static IEnumerable<string> Events(FrameRecord frame, bool silentObjects)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var events = silentObjects
            ? frame.Objects.Where(o => !o.Sounding && !o.Distractor).Select(o => SilentPrefix + o.Kind)
            : frame.SoundingClasses.AsEnumerable();
        return events.Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// <paramref name="count"/> frame rows drawn with replacement, row i with probability factors[i] / sum, seeded by
    /// (<paramref name="seed"/>, <paramref name="epoch"/>) so a resumed run replays the same epoch.
    /// </summary>
    public static int[] Order(double[] factors, int count, int seed, int epoch)
    {
        ArgumentNullException.ThrowIfNull(factors);
        if (factors.Length == 0 || count < 0 || factors.Any(f => !(f > 0) || !double.IsFinite(f)))
        {
            throw new ArgumentException("Repeat factors must be a non-empty list of positive finite values and the count >= 0.");
        }

        var cumulative = new double[factors.Length];
        var total = 0.0;
        for (var i = 0; i < factors.Length; i++)
        {
            total += factors[i];
            cumulative[i] = total;
        }

        var random = new Random(unchecked((seed * 15485863) + epoch));
        var order = new int[count];
        for (var k = 0; k < count; k++)
        {
            var at = Array.BinarySearch(cumulative, random.NextDouble() * total);
            order[k] = Math.Min(at < 0 ? ~at : at, factors.Length - 1);
        }

        return order;
    }

    private static void Check(double threshold)
    {
        if (!(threshold > 0) || !(threshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The repeat threshold is a frame fraction in (0, 1].");
        }
    }
}
