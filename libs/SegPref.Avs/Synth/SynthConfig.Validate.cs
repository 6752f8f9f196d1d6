namespace SegPref.Avs.Synth;

public sealed partial record SynthConfig
{
    /// <summary>Checks every option and that the priors can be met with at least one sounding object per frame.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        Require(FrameSizePx is >= 16 and <= 1024, $"frame size must be 16..1024 px, got {FrameSizePx}.");
        Require(FramesPerClip is >= 1 and <= 60, $"frames per clip must be 1..60, got {FramesPerClip}.");
        Require(TrainClips >= 0 && ValClips >= 0 && TestClips >= 0 && TestCounterClips >= 0, "clip counts must not be negative.");
        Require(SynthSplits.All.Sum(ClipCount) >= 1, "at least one clip is needed.");
        Require(MinObjects is >= 1 and <= 4 && MaxObjects >= MinObjects && MaxObjects <= 4, $"objects per clip must satisfy 1 <= min <= max <= 4, got {MinObjects}..{MaxObjects}.");
        Require(DistractorProbability is >= 0 and < 1, $"distractor probability must be in [0, 1), got {DistractorProbability}.");
        Require(double.IsFinite(MinSnrDb) && double.IsFinite(MaxSnrDb) && MinSnrDb <= MaxSnrDb && MinSnrDb >= -20 && MaxSnrDb <= 80, $"SNR range must satisfy -20 <= min <= max <= 80 dB, got {MinSnrDb}..{MaxSnrDb}.");
        Require(NoiseFloorDbfs is null || (NoiseFloorDbfs.Length == 2 && NoiseFloorDbfs.All(double.IsFinite) && NoiseFloorDbfs[0] <= NoiseFloorDbfs[1] && NoiseFloorDbfs[0] >= -120 && NoiseFloorDbfs[1] <= -10), "noise floor must be [min, max] dBFS with -120 <= min <= max <= -10.");
        Require(IsProbability(OffScreenClipProbability) && IsProbability(OffScreenFrameProbability) && OffScreenOnlyFrameProbability is >= 0 and < 1, "off-screen probabilities must be in [0, 1] (the off-screen-only frame probability below 1).");
        Require(OffScreenSnrDb is { Length: 2 } && OffScreenSnrDb.All(double.IsFinite) && OffScreenSnrDb[0] <= OffScreenSnrDb[1] && OffScreenSnrDb[0] >= -40 && OffScreenSnrDb[1] <= 40, "off-screen SNR must be [min, max] dB within -40..40.");
        Require(PitchSpreadSemitones is >= 0 and <= 12, $"pitch spread must be 0..12 semitones, got {PitchSpreadSemitones}.");
        Require(SourceLevelSpreadDb is >= 0 and <= 60, $"source level spread must be 0..60 dB, got {SourceLevelSpreadDb}.");
        Require(AudibleLabelDb is null || (NoiseFloorDbfs is not null && AudibleLabelDb is >= -30 and <= 30), $"audible labels need a noise floor and a threshold of -30..30 dB over it, got {AudibleLabelDb}.");
        Require(IsProbability(HabitualPrior) && IsProbability(OtherPrior), "habitual and other priors must be in [0, 1].");
        ArgumentNullException.ThrowIfNull(Priors);
        foreach (var (name, prior) in Priors)
        {
            Require(SynthVocabulary.SoundClasses.Contains(name, StringComparer.Ordinal), $"prior given for '{name}', which is not an AVS-Synth sound class ({string.Join(", ", SynthVocabulary.SoundClasses)}).");
            Require(IsProbability(prior), $"prior of '{name}' must be in [0, 1], got {prior}.");
        }

        foreach (var split in SynthSplits.All.Where(s => ClipCount(s) > 0))
        {
            _ = SynthSoundingModel.Create(this, split);
        }
    }

    private static bool IsProbability(double p) => p is >= 0 and <= 1;

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid AVS-Synth config: {message}");
        }
    }
}
