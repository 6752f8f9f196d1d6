using SegPref.Media.Audio;

namespace SegPref.Models.Audio;

/// <summary>One clip's log-mel examples with the AVSS class indices sounding in each second.</summary>
/// <param name="Examples">One example per second.</param>
/// <param name="Sounding">Per second, the AVSS class indices (see AvssClasses) of the sounding objects.</param>
/// <param name="SignalPower">Mean squared sample of the clip's waveform, the reference for noise augmentation.</param>
public sealed record TaggedClip(LogMelExamples Examples, IReadOnlyList<IReadOnlySet<int>> Sounding, double SignalPower);
