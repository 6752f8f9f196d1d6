using SegPref.Avs.Avss;
using SegPref.Media.Audio;
using SegPref.Models.Audio;

namespace SegPref.Models.Tests.Audio;

/// <summary>Three easily told-apart toy sources (low tone, high tone, 3-4 kHz noise) standing in for AVS-Synth sounds.</summary>
internal static class ToySounds
{
    public static readonly string[] Classes = ["guitar", "piano", "dog"];

    public const int Rate = 16000;

    /// <summary>Per second, a random non-empty subset of <see cref="Classes"/>.</summary>
    public static string[][] RandomLabels(Random random, int seconds) =>
        [.. Enumerable.Range(0, seconds).Select(_ =>
        {
            var chosen = Classes.Where(_ => random.NextDouble() < 0.4).ToArray();
            return chosen.Length > 0 ? chosen : [Classes[random.Next(Classes.Length)]];
        })];

    /// <summary>The waveform whose second t mixes the sources in <paramref name="labels"/>[t], with faint noise.</summary>
    public static AudioClip Render(string[][] labels, Random random)
    {
        var samples = new float[labels.Length * Rate];
        for (var t = 0; t < labels.Length; t++)
        {
            for (var i = 0; i < Rate; i++)
            {
                var time = (double)i / Rate;
                var value = 0.002 * ((random.NextDouble() * 2) - 1);
                value += labels[t].Contains("guitar") ? 0.3 * Math.Sin(2 * Math.PI * 220 * time) : 0;
                value += labels[t].Contains("piano") ? 0.3 * Math.Sin(2 * Math.PI * 1800 * time) : 0;
                value += labels[t].Contains("dog") ? 0.2 * ((random.NextDouble() * 2) - 1) * Math.Sin(2 * Math.PI * 3500 * time) : 0;
                samples[(t * Rate) + i] = (float)value;
            }
        }

        return new AudioClip(samples, Rate);
    }

    /// <summary>Tagged clips computed in memory, as AudioTaggingData would from disk.</summary>
    public static IReadOnlyList<TaggedClip> Clips(int count, int seconds, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var labels = RandomLabels(random, seconds);
            var clip = Render(labels, random);
            var sounding = labels.Select(l => (IReadOnlySet<int>)l.Select(AvssClasses.IndexOf).ToHashSet()).ToList();
            return new TaggedClip(VggishLogMel.ComputeExamples(clip, seconds), sounding, AudioPerturbation.MeanPower(clip.Samples));
        })];
    }
}
