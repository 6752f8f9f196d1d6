using System.Text.Json.Serialization;

namespace SegPref.Avs.Synth;

/// <summary>
/// Options of the AVS-Synth generator. The preference knob is the prior P(sounding | visible) per class
/// (<see cref="Priors"/> overrides, otherwise <see cref="HabitualPrior"/> or <see cref="OtherPrior"/>);
/// test-counter uses 1 - prior. Everything else shapes the scenes, not the preference.
/// </summary>
public sealed partial record SynthConfig
{
    /// <summary>Audio sample rate of the written clips.</summary>
    public const int SampleRateHz = 16000;

    /// <summary>A fast preset for tests: 48 px, 3 frames, 24/8/8/8 clips.</summary>
    public static SynthConfig Quick { get; } = new()
    {
        FrameSizePx = 48, FramesPerClip = 3, TrainClips = 24, ValClips = 8, TestClips = 8, TestCounterClips = 8,
    };

    /// <summary>The preset for results: 64 px, 5 frames, 1200/200/200/200 clips.</summary>
    public static SynthConfig Standard { get; } = new()
    {
        FrameSizePx = 64, FramesPerClip = 5, TrainClips = 1200, ValClips = 200, TestClips = 200, TestCounterClips = 200,
    };

    /// <summary>Seed of all random streams.</summary>
    [JsonPropertyName("seed")] public long Seed { get; init; } = 20240917;

    /// <summary>Side of the square frames in pixels.</summary>
    [JsonPropertyName("frame_size_px")] public int FrameSizePx { get; init; } = 64;

    /// <summary>Frames per clip; the clip lasts as many seconds.</summary>
    [JsonPropertyName("frames_per_clip")] public int FramesPerClip { get; init; } = 5;

    /// <summary>Clips in the train split.</summary>
    [JsonPropertyName("train_clips")] public int TrainClips { get; init; } = 1200;

    /// <summary>Clips in the val split.</summary>
    [JsonPropertyName("val_clips")] public int ValClips { get; init; } = 200;

    /// <summary>Clips in the test split.</summary>
    [JsonPropertyName("test_clips")] public int TestClips { get; init; } = 200;

    /// <summary>Clips in the test-counter split (inverted priors).</summary>
    [JsonPropertyName("test_counter_clips")] public int TestCounterClips { get; init; } = 200;

    /// <summary>Per-class prior overrides, class name -> P(sounding | visible) in train/val/test.</summary>
    [JsonPropertyName("priors")] public IReadOnlyDictionary<string, double> Priors { get; init; } = new Dictionary<string, double>();

    /// <summary>Prior of the habitual classes (guitar, piano, dog) unless overridden.</summary>
    [JsonPropertyName("habitual_prior")] public double HabitualPrior { get; init; } = SynthVocabulary.HabitualPrior;

    /// <summary>Prior of the other sound-capable classes unless overridden.</summary>
    [JsonPropertyName("other_prior")] public double OtherPrior { get; init; } = SynthVocabulary.OtherPrior;

    /// <summary>Fewest objects per clip (distractors included).</summary>
    [JsonPropertyName("min_objects")] public int MinObjects { get; init; } = 1;

    /// <summary>Most objects per clip (distractors included).</summary>
    [JsonPropertyName("max_objects")] public int MaxObjects { get; init; } = 4;

    /// <summary>Probability that an object beyond the first is a silent distractor.</summary>
    [JsonPropertyName("distractor_probability")] public double DistractorProbability { get; init; } = 0.2;

    /// <summary>Lowest clip SNR (sources over background noise) in dB.</summary>
    [JsonPropertyName("min_snr_db")] public double MinSnrDb { get; init; } = 3;

    /// <summary>Highest clip SNR in dB.</summary>
    [JsonPropertyName("max_snr_db")] public double MaxSnrDb { get; init; } = 20;

    /// <summary>Frame encoding.</summary>
    [JsonPropertyName("frame_format")] [JsonConverter(typeof(JsonStringEnumConverter<SynthFrameFormat>))]
    public SynthFrameFormat FrameFormat { get; init; } = SynthFrameFormat.Jpeg;

    /// <summary>Number of clips of a split.</summary>
    public int ClipCount(string split) => split switch
    {
        SynthSplits.Train => TrainClips,
        SynthSplits.Val => ValClips,
        SynthSplits.Test => TestClips,
        SynthSplits.TestCounter => TestCounterClips,
        _ => throw new ArgumentException($"Unknown AVS-Synth split '{split}'.", nameof(split)),
    };

    /// <summary>P(sounding | visible) of a sound-capable class in a split (inverted in test-counter).</summary>
    public double PriorOf(string soundClass, string split)
    {
        var prior = Priors.TryGetValue(soundClass, out var p) ? p
            : SynthVocabulary.HabitualClasses.Contains(soundClass, StringComparer.Ordinal) ? HabitualPrior : OtherPrior;
        return split == SynthSplits.TestCounter ? 1 - prior : prior;
    }
}
