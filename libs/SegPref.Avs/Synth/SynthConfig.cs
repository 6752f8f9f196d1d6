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

    /// <summary>
    /// The realistic-audio preset (docs/avs-synth.md, "Realistic audio"): the standard scenes, but audio alone is
    /// ambiguous the way real recordings are: a noise floor always (pink, brown or room tone at an absolute level),
    /// off-screen sources of classes that are not visible, a minority of frames whose only sound is off-screen (empty
    /// ground truth), per-source pitch/tempo and timbre variation that makes some classes confusable, and sounding
    /// sources at a random SNR against the off-screen ones. Its knobs were fixed by calibrating the audio-only baseline
    /// alone on val (docs/results/realistic-calibration.md).
    /// </summary>
    public static SynthConfig Realistic { get; } = Standard with
    {
        NoiseFloorDbfs = [-70, -35],
        OffScreenClipProbability = 0.6,
        OffScreenFrameProbability = 0.6,
        OffScreenOnlyFrameProbability = 0.1,
        OffScreenSnrDb = [-6, 6],
        PitchSpreadSemitones = 5,
        TimbreVariation = true,
        SourceLevelSpreadDb = 45,
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

    /// <summary>
    /// Absolute noise-floor level range [min, max] in dBFS (RMS), or null for the standard background noise at a clip SNR
    /// (<see cref="MinSnrDb"/>..<see cref="MaxSnrDb"/>). With a floor, the clip's background is pink noise, brown noise
    /// or room tone (low rumble plus mains hum) at a level drawn from this range, whatever the sources do.
    /// </summary>
    [JsonPropertyName("noise_floor_dbfs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double[]? NoiseFloorDbfs { get; init; }

    /// <summary>Probability that a clip has an off-screen source (a sound-capable class that is not visible in the clip); 0 = never.</summary>
    [JsonPropertyName("off_screen_clip_probability")]
    public double OffScreenClipProbability { get; init; }

    /// <summary>In a clip with an off-screen source, the probability that it sounds in a given frame.</summary>
    [JsonPropertyName("off_screen_frame_probability")]
    public double OffScreenFrameProbability { get; init; }

    /// <summary>
    /// Probability that a frame's only sound is off-screen: every visible object is silent there (empty ground truth)
    /// and the clip's off-screen source sounds. Lowers every class's P(sounding | visible) by this factor.
    /// </summary>
    [JsonPropertyName("off_screen_only_frame_probability")]
    public double OffScreenOnlyFrameProbability { get; init; }

    /// <summary>Range [min, max] in dB of the on-screen sources' level over the off-screen source's (drawn per clip).</summary>
    [JsonPropertyName("off_screen_snr_db")]
    public double[] OffScreenSnrDb { get; init; } = [0, 0];

    /// <summary>Per-source pitch and tempo shift drawn uniformly in +-this many semitones (0 = the voices' own ranges only).</summary>
    [JsonPropertyName("pitch_spread_semitones")]
    public double PitchSpreadSemitones { get; init; }

    /// <summary>Per-source random timbre: a spectral tilt (low-pass or high-pass of random corner) and a random brightness.</summary>
    [JsonPropertyName("timbre_variation")]
    public bool TimbreVariation { get; init; }

    /// <summary>Per-source loudness drawn uniformly in [-this, 0] dB around the nominal source level.</summary>
    [JsonPropertyName("source_level_spread_db")]
    public double SourceLevelSpreadDb { get; init; } = 6;

    /// <summary>
    /// Labels that follow audibility, or null (the default) for labels that follow the generator's plan: with a value, a
    /// visible source is labelled sounding in a second only when its power that second exceeds the noise floor's by at
    /// least this many dB, as an annotator marks what they hear (docs/avs-synth.md, "Audible labels"). The audio is
    /// the same either way; an inaudible source keeps playing under the floor. Needs <see cref="NoiseFloorDbfs"/>.
    /// </summary>
    [JsonPropertyName("audible_label_db")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? AudibleLabelDb { get; init; }

    /// <summary>Whether any realistic-audio option is on (the standard preset draws none of their random numbers).</summary>
    [JsonIgnore]
    public bool HasOffScreen => OffScreenClipProbability > 0 || OffScreenOnlyFrameProbability > 0;

    /// <summary>Frame encoding.</summary>
    [JsonPropertyName("frame_format")] [JsonConverter(typeof(JsonStringEnumConverter<SynthFrameFormat>))]
    public SynthFrameFormat FrameFormat { get; init; } = SynthFrameFormat.Jpeg;

    private static readonly System.Text.Json.JsonSerializerOptions StrictJson = new() { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>Reads a config written as JSON (as in synth-config.json's "config"); unspecified options keep the standard defaults.</summary>
    /// <exception cref="InvalidDataException">Malformed JSON; the message names <paramref name="source"/>.</exception>
    public static SynthConfig FromJson(string json, string source)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<SynthConfig>(json, StrictJson)
                ?? throw new InvalidDataException($"{source}: empty generator config.");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InvalidDataException($"{source}: not a valid AVS-Synth generator config: {ex.Message}", ex);
        }
    }

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
