using SegPref.Media.Audio;

namespace SegPref.Models.Audio;

/// <summary>
/// Flat training/evaluation arrays for per-second tagging: examples [N, 96, 64], multi-hot targets [N, C] over
/// <see cref="ClassIndices"/>, and each example's clip signal power.
/// </summary>
public sealed class AudioTaggingSet
{
    private AudioTaggingSet(IReadOnlyList<int> classIndices, float[] features, float[] targets, double[] signalPower)
    {
        ClassIndices = classIndices;
        Features = features;
        Targets = targets;
        SignalPower = signalPower;
    }

    /// <summary>AVSS class index of each target column.</summary>
    public IReadOnlyList<int> ClassIndices { get; }

    /// <summary>Number of examples (clip seconds).</summary>
    public int Count => SignalPower.Length;

    /// <summary>Log-mel values, [Count, 96, 64] row-major.</summary>
    public float[] Features { get; }

    /// <summary>Multi-hot targets, [Count, ClassIndices.Count] row-major.</summary>
    public float[] Targets { get; }

    /// <summary>Per example, the mean squared sample of its clip.</summary>
    public double[] SignalPower { get; }

    /// <summary>The sorted AVSS indices of every class sounding somewhere in <paramref name="clips"/>.</summary>
    public static IReadOnlyList<int> SoundingClasses(IEnumerable<TaggedClip> clips)
    {
        ArgumentNullException.ThrowIfNull(clips);
        return clips.SelectMany(c => c.Sounding).SelectMany(s => s).Distinct().Order().ToList();
    }

    /// <summary>Flattens <paramref name="clips"/>; sounding classes outside <paramref name="classIndices"/> are ignored.</summary>
    public static AudioTaggingSet Build(IReadOnlyList<TaggedClip> clips, IReadOnlyList<int> classIndices)
    {
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentNullException.ThrowIfNull(classIndices);
        var column = classIndices.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        var count = clips.Sum(c => c.Examples.Count);
        var features = new float[(long)count * LogMelExamples.ExampleSize];
        var targets = new float[count * classIndices.Count];
        var power = new double[count];
        var n = 0;
        foreach (var clip in clips)
        {
            if (clip.Sounding.Count != clip.Examples.Count)
            {
                throw new ArgumentException($"A clip has {clip.Examples.Count} examples but labels for {clip.Sounding.Count} seconds.", nameof(clips));
            }

            clip.Examples.Data.CopyTo(features, (long)n * LogMelExamples.ExampleSize);
            for (var t = 0; t < clip.Examples.Count; t++, n++)
            {
                power[n] = clip.SignalPower;
                foreach (var c in clip.Sounding[t].Where(column.ContainsKey))
                {
                    targets[(n * classIndices.Count) + column[c]] = 1;
                }
            }
        }

        return new AudioTaggingSet(classIndices, features, targets, power);
    }
}
