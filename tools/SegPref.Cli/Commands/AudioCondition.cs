using System.Globalization;
using SegPref.Media.Audio;

namespace SegPref.Cli.Commands;

/// <summary>Checks an --audio value: normal, mute or wgn-N (white Gaussian noise at N dB).</summary>
internal static class AudioCondition
{
    public static string Check(string value)
    {
        if (value is AudioPerturbation.Normal or AudioPerturbation.Mute)
        {
            return value;
        }

        if (value.StartsWith(AudioPerturbation.WhiteNoisePrefix, StringComparison.Ordinal)
            && double.TryParse(value.AsSpan(AudioPerturbation.WhiteNoisePrefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return value;
        }

        throw new ArgumentException($"Unknown audio condition '{value}' (expected normal, mute or wgn-N, e.g. wgn-10).");
    }
}
