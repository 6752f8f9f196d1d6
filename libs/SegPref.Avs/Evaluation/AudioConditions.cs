using System.Globalization;
using SegPref.Media.Audio;

namespace SegPref.Avs.Evaluation;

/// <summary>
/// The audio conditions of the preference benchmark (docs/metrics.md, "Audio conditions"). Clip-independent ones live
/// in <see cref="AudioPerturbation"/> (normal, mute, dither, wgn-N); the dataset-aware ones are here:
/// <see cref="NoiseFloor"/>, <see cref="Swapped"/> and <see cref="OffScreen"/> (see <see cref="ConditionedAudio"/>).
/// </summary>
public static class AudioConditions
{
    /// <summary>The clip's own background alone (AVS-Synth's noise.wav): nothing visible sounds.</summary>
    public const string NoiseFloor = "noise-floor";

    /// <summary>The audio of another clip of the split whose audible classes are none of this clip's visible ones.</summary>
    public const string Swapped = "swapped";

    /// <summary>The clip's own audio plus a source of a class that is neither visible nor audible in the clip.</summary>
    public const string OffScreen = "off-screen";

    /// <summary>Every condition of the preference table, in table order.</summary>
    public static IReadOnlyList<string> Benchmark { get; } =
        [AudioPerturbation.Normal, AudioPerturbation.Mute, "wgn-10", "wgn-40", NoiseFloor, AudioPerturbation.Dither, Swapped, OffScreen];

    /// <summary>
    /// Conditions under which no visible object sounds: the table reports Null S for them (mute also keeps the paper's
    /// J/F against the original masks and its relative drop).
    /// </summary>
    public static bool SilencesVisible(string condition) =>
        condition is AudioPerturbation.Mute or AudioPerturbation.Dither or NoiseFloor or Swapped;

    /// <summary>Conditions that need the dataset (AVS-Synth extras) rather than only the clip's waveform.</summary>
    public static bool NeedsDataset(string condition) => condition is NoiseFloor or Swapped or OffScreen;

    /// <summary>Returns <paramref name="value"/> when it names a condition (wgn-N with any N >= 0).</summary>
    /// <exception cref="ArgumentException">Unknown condition; the message lists the valid ones.</exception>
    public static string Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value is AudioPerturbation.Normal or AudioPerturbation.Mute or AudioPerturbation.Dither or NoiseFloor or Swapped or OffScreen)
        {
            return value;
        }

        if (value.StartsWith(AudioPerturbation.WhiteNoisePrefix, StringComparison.Ordinal)
            && double.TryParse(value.AsSpan(AudioPerturbation.WhiteNoisePrefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var db)
            && double.IsFinite(db) && db >= 0)
        {
            return value;
        }

        throw new ArgumentException($"Unknown audio condition '{value}' (expected normal, mute, wgn-N such as wgn-10, {NoiseFloor}, {AudioPerturbation.Dither}, {Swapped} or {OffScreen}).");
    }
}
