using System.Text.Json.Serialization;

namespace SegPref.Models.Segmentation.Training;

/// <summary>Hyper-parameters of <c>segpref train</c>.</summary>
public sealed record SegmentationTrainingOptions
{
    /// <summary>Epochs over the train split.</summary>
    [JsonPropertyName("epochs")]
    public int Epochs { get; init; } = 6;

    /// <summary>Frames per step.</summary>
    [JsonPropertyName("batch_size")]
    public int BatchSize { get; init; } = 16;

    /// <summary>Peak AdamW learning rate (linear warm-up over the first 5% of steps, cosine decay to 5%).</summary>
    [JsonPropertyName("learning_rate")]
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>AdamW weight decay.</summary>
    [JsonPropertyName("weight_decay")]
    public double WeightDecay { get; init; } = 0.05;

    /// <summary>Seed of the initialisation and the shuffles.</summary>
    [JsonPropertyName("seed")]
    public int Seed { get; init; } = 1;

    /// <summary>
    /// SeDAM's dynamic mask (TeSO): <see cref="DynamicMaskMode.Paper"/> (the paper's rule: a cue is masked when its mean
    /// attention logit is below 0; with <see cref="CueWeight"/> that logit is trained as a cue-audio relevance),
    /// <see cref="DynamicMaskMode.Peak"/> (the same with a soft maximum over the audio tokens instead of the mean),
    /// <see cref="DynamicMaskMode.Calibrated"/> (the ablation that compares the audio with a stored silence embedding) or
    /// <see cref="DynamicMaskMode.Off"/> (every valid cue prompts).
    /// </summary>
    [JsonPropertyName("dynamic_mask")]
    [JsonConverter(typeof(JsonStringEnumConverter<DynamicMaskMode>))]
    public DynamicMaskMode DynamicMask { get; init; } = DynamicMaskMode.Paper;

    /// <summary>Weight of the InfoNCE term (0 = <c>--no-infonce</c>).</summary>
    [JsonPropertyName("infonce_weight")]
    public double InfoNceWeight { get; init; } = 0.1;

    /// <summary>
    /// Weight of the cue-relevance loss (TeSO): SeDAM's keep logits are taught which cues' classes sound, from the AVSS
    /// semantic labels; 0 = off (the paper's recipe).
    /// </summary>
    [JsonPropertyName("cue_weight")]
    public double CueWeight { get; init; }

    /// <summary>
    /// Weight of the counterfactual relevance loss (TeSO, with <see cref="CueWeight"/> &gt; 0): each training step also
    /// runs the batch with audio in which nothing visible sounds, alternately the clip's noise floor alone and another
    /// training clip's audio whose sounding classes are none of the visible ones (the noise-floor and swapped conditions
    /// of the train split), and teaches every SeDAM layer's relevance that none of the cues, the open cue included,
    /// sounds there. Only the relevance is trained on those passes, never the mask, so the baseline's data is unchanged.
    /// 0 = off.
    /// </summary>
    [JsonPropertyName("counterfactual_weight")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double CounterfactualWeight { get; init; }

    /// <summary>
    /// With <see cref="CounterfactualWeight"/>: a third counterfactual pass, the clip's own audio plus an off-screen
    /// source (the off-screen condition of the train split), whose relevance keeps the frame's own targets: another
    /// class's sound on top of the visible ones changes nothing about which cues sound.
    /// </summary>
    [JsonPropertyName("counterfactual_off_screen")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool CounterfactualOffScreen { get; init; }

    /// <summary>
    /// With <see cref="CounterfactualWeight"/>: include the swapped pass (another clip's audio, every target 0); false
    /// keeps only the noise-floor pass (and the off-screen one when asked for).
    /// </summary>
    [JsonPropertyName("counterfactual_swapped")]
    public bool CounterfactualSwapped { get; init; } = true;

    /// <summary>
    /// With the swapped pass: train only the open cue's last-layer relevance toward "no unnamed visible class sounds" on
    /// another clip's audio, and leave the text cues' relevance out of that pass (the noise-floor pass is unchanged).
    /// Another clip's audio always holds a class no text cue names, which is what keeps the open cue, and with it the frame
    /// gate, open there (docs/results/preference.md, "Where the paint comes from").
    /// </summary>
    [JsonPropertyName("counterfactual_swapped_open_cue")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool CounterfactualSwappedOpenCue { get; init; }

    /// <summary>
    /// Weight of the grounding loss: an auxiliary head learns where the objects each text cue names are (TeSO), or where
    /// any object is (the audio-only baseline, which has no class names), from the AVS-Synth boxes of every visible
    /// object, sounding or silent; 0 = off (the paper's recipe). A weight above 0 builds the model with
    /// <see cref="SegmenterOptions.Grounding"/>.
    /// </summary>
    [JsonPropertyName("grounding_weight")]
    public double GroundingWeight { get; init; }

    /// <summary>TeSO: add SeDAM's open cue (see <see cref="SegmenterOptions.OpenCue"/>).</summary>
    [JsonPropertyName("open_cue")]
    public bool OpenCue { get; init; }

    /// <summary>TeSO, with <see cref="OpenCue"/>: the open cue also sees the frame's pooled visual features (see <see cref="SegmenterOptions.VisualOpenCue"/>).</summary>
    [JsonPropertyName("visual_open_cue")]
    public bool VisualOpenCue { get; init; }

    /// <summary>TeSO, with <see cref="OpenCue"/>: isolate the open cue from the text cues (see <see cref="SegmenterOptions.IsolateOpenCue"/>).</summary>
    [JsonPropertyName("isolate_open_cue")]
    public bool IsolateOpenCue { get; init; }

    /// <summary>TeSO, with <see cref="CueWeight"/> &gt; 0: train the relevance as the audio's evidence (see <see cref="SegmenterOptions.EvidenceRelevance"/>).</summary>
    [JsonPropertyName("evidence_relevance")]
    public bool EvidenceRelevance { get; init; }

    /// <summary>TeSO: cues the dynamic mask drops reach the decoder as silent prompts (see <see cref="SegmenterOptions.SilentPrompts"/>).</summary>
    [JsonPropertyName("silent_prompts")]
    public bool SilentPrompts { get; init; }

    /// <summary>TeSO: the baseline's audio tokens also prompt the decoder (see <see cref="SegmenterOptions.AudioPrompts"/>).</summary>
    [JsonPropertyName("audio_prompts")]
    public bool AudioPrompts { get; init; }

    /// <summary>
    /// Both models: read the audio encoder's time-frequency map (one token per position) instead of its 128-d embedding
    /// (see <see cref="SegmenterOptions.AudioMapChannels"/>).
    /// </summary>
    [JsonPropertyName("audio_map")]
    public bool AudioMap { get; init; }

    /// <summary>Clip the global L2 norm of the gradients to this value before each AdamW step (0 = no clipping).</summary>
    [JsonPropertyName("gradient_clip")]
    public double GradientClip { get; init; }

    /// <summary>
    /// Repeat-factor sampling threshold t (a frame fraction): classes that sound in fewer than t of the training frames
    /// are drawn more often (<see cref="RepeatFactorSampling"/>); null = a plain shuffle of every frame once per epoch.
    /// </summary>
    [JsonPropertyName("repeat_threshold")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? RepeatThreshold { get; init; }

    /// <summary>
    /// With <see cref="RepeatThreshold"/>: the repeat-factor events are the visible objects that do not sound ("silent
    /// guitar", from AVS-Synth's boxes) instead of the sounding classes, so frames against a class's habit of sounding
    /// are drawn more often.
    /// </summary>
    [JsonPropertyName("repeat_silent")]
    public bool RepeatSilent { get; init; }

    /// <summary>Mirror each training frame and its mask left-right with probability 1/2 (seeded per epoch).</summary>
    [JsonPropertyName("flip_augment")]
    public bool FlipAugment { get; init; } = true;

    /// <summary>Stop after this many training frames per epoch (null = the whole split; for quick runs and tests).</summary>
    [JsonPropertyName("max_frames_per_epoch")]
    public int? MaxFramesPerEpoch { get; init; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (Epochs < 1 || BatchSize < 1 || !(LearningRate > 0) || !(WeightDecay >= 0) || !(InfoNceWeight >= 0) || !(CueWeight >= 0) || !double.IsFinite(CueWeight) || !(GroundingWeight >= 0) || !double.IsFinite(GroundingWeight) || !(GradientClip >= 0) || !double.IsFinite(GradientClip) || MaxFramesPerEpoch is < 1 || ((VisualOpenCue || IsolateOpenCue) && !OpenCue) || (EvidenceRelevance && CueWeight == 0) || !(CounterfactualWeight >= 0) || !double.IsFinite(CounterfactualWeight) || (CounterfactualWeight > 0 && CueWeight == 0) || (CounterfactualOffScreen && CounterfactualWeight == 0) || (RepeatThreshold is { } t && !(t > 0 && t <= 1)))
        {
            throw new ArgumentException($"Invalid training options {this}: epochs, batch and frames per epoch must be >= 1, the learning rate > 0, weight decay, InfoNCE, cue and grounding weights and the gradient clip >= 0, the repeat threshold in (0, 1], a visual or isolated open cue needs the open cue, and evidence relevance and the counterfactual weight (>= 0) a cue weight, the off-screen counterfactual a counterfactual weight.");
        }

        if (CounterfactualSwappedOpenCue && (CounterfactualWeight == 0 || !CounterfactualSwapped || !OpenCue))
        {
            throw new ArgumentException("The open-cue swapped pass (counterfactual_swapped_open_cue, --counterfactual-swapped-open-cue) trains the open cue on another clip's audio: it needs a counterfactual weight, the swapped pass and the open cue.");
        }

        if (RepeatSilent && RepeatThreshold is null)
        {
            throw new ArgumentException("Silent-object repeats (repeat_silent, --repeat-silent) weight frames by repeat factors, which need a repeat threshold (--repeat-threshold).");
        }
    }
}
