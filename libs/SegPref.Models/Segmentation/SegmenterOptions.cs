namespace SegPref.Models.Segmentation;

/// <summary>Sizes and switches shared by <see cref="TesoSegmenter"/> and <see cref="AudioOnlySegmenter"/>.</summary>
/// <param name="Backbone">Visual encoder.</param>
/// <param name="ImageSize">Square input side in pixels (frames are [B,3,ImageSize,ImageSize]).</param>
/// <param name="Dim">Model width d of the pixel decoder, prompts and queries.</param>
/// <param name="Queries">Number of learnable decoder queries Q.</param>
/// <param name="DecoderLayers">Masked-attention decoder layers L (round robin over the feature scales).</param>
/// <param name="SedamLayers">SeDAM layers N.</param>
/// <param name="Heads">Attention heads everywhere (must divide <paramref name="Dim"/>).</param>
/// <param name="TextDim">Width of one cue embedding (D_text).</param>
/// <param name="AudioDim">Width of one audio embedding (128 for VGGish).</param>
/// <param name="AudioTokens">Tokens one per-second audio embedding is expanded into (with <paramref name="AudioMapChannels"/>: the map's positions).</param>
/// <param name="CueSlots">Cue slots per frame (4, "None"-padded).</param>
/// <param name="FeedForwardDim">Hidden width of the FFNs.</param>
/// <param name="DynamicMask">How SeDAM masks cues the audio does not support.</param>
/// <param name="MarginInit">Initial value of the learned margin (Calibrated mode only).</param>
/// <param name="RelevanceTemperature">Temperature of the sigmoid that carries gradients through the hard mask (straight-through).</param>
/// <param name="NothingLogit">The map logit of a frame with no surviving cue ("nothing is sounding"); must be negative.</param>
/// <param name="OpenCue">
/// TeSO: add a learned, always valid cue token for "a sounding object the description does not name" after the text
/// cues. Like every cue it queries the audio and is masked when the audio does not support it (so it is masked under
/// silence); it keeps a frame alive when the captioner missed the object that sounds.
/// </param>
/// <param name="VisualOpenCue">
/// TeSO, with <paramref name="OpenCue"/>: the open cue's token also carries the frame's mean-pooled coarsest visual
/// features (a linear map), so that its relevance can tell an unnamed visible sounding object from an off-screen sound.
/// </param>
/// <param name="IsolateOpenCue">
/// TeSO, with <paramref name="OpenCue"/>: the open cue and the text cues do not attend to each other in SeDAM's
/// self-attention, and the open cue sees what the description names through the mean of the valid text tokens instead.
/// It then cannot learn "no named cue sounds" as a stand-in for "an unnamed one does", which is all data where every
/// frame has a sounding object (the standard preset) teaches, and which keeps it alive under silence.
/// </param>
/// <param name="EvidenceRelevance">
/// TeSO: the relevance is trained as the audio's evidence for a cue rather than its posterior. A text-only head learns
/// each cue's prior (how often its class sounds when named), and the cue-relevance loss is applied to relevance + prior
/// (the prior detached), so the relevance itself, which decides the mask, is what the audio adds: a cue is kept when
/// the audio makes its class more likely to sound than the text alone does. Without it the relevance also learns the
/// class prior, and habitual classes survive audio that says nothing.
/// </param>
/// <param name="AudioPrompts">
/// TeSO: besides SeDAM's prompts, the decoder queries also attend to the projected audio tokens the baseline uses (never
/// masked; the frame gate still blanks frames SeDAM declares silent), so text can only add to the audio prompt.
/// </param>
/// <param name="Grounding">
/// Training only: a grounding head maps each text cue's SeDAM token (TeSO), or one learned "any object" token (the
/// audio-only baseline, which has no class names), dotted with the mask features, to where those objects are (sounding
/// or not); trained by an auxiliary loss, unused by the map and the ONNX graph.
/// </param>
/// <param name="AudioMapChannels">
/// 0: the audio input is one embedding per second, expanded into <paramref name="AudioTokens"/> tokens by an MLP. Above
/// 0: it is the audio encoder's time-frequency map, <paramref name="AudioTokens"/> positions of this many channels each
/// (<paramref name="AudioDim"/> = their product); each position becomes one token (a shared MLP plus a learned position
/// embedding), so that a cue can attend to the part of the spectrogram where its class sounds.
/// </param>
/// <param name="KeepThreshold">
/// The operating point of SeDAM's dynamic mask: a cue survives a layer when its relevance logit is at least this value
/// (0: the paper's rule, relevance >= 0). The soft keep and the audio support are sigmoid((r - threshold) / T). It is
/// a decision threshold on the learned relevance, chosen on val (`segpref calibrate`), never on the audio.
/// </param>
/// <param name="SilentPrompts">
/// TeSO: a valid cue the dynamic mask drops still reaches the decoder, through a projection of its own (a "silent"
/// prompt: this named object is visible but the audio does not support it), instead of being zeroed and hidden from the
/// queries. The decoder can then learn where not to paint. The frame gate is unchanged: a frame with no kept cue is
/// still declared silent.
/// </param>
public sealed record SegmenterOptions(
    VisualBackbone Backbone,
    int ImageSize,
    int Dim,
    int Queries,
    int DecoderLayers,
    int SedamLayers,
    int Heads,
    int TextDim,
    int AudioDim = 128,
    int AudioTokens = 4,
    int CueSlots = 4,
    int FeedForwardDim = 0,
    DynamicMaskMode DynamicMask = DynamicMaskMode.Paper,
    double MarginInit = 0.5,
    double RelevanceTemperature = 1.0,
    double NothingLogit = -10.0,
    bool OpenCue = false,
    bool AudioPrompts = false,
    bool Grounding = false,
    bool VisualOpenCue = false,
    bool IsolateOpenCue = false,
    bool EvidenceRelevance = false,
    int AudioMapChannels = 0,
    double KeepThreshold = 0,
    bool SilentPrompts = false)
{
    /// <summary>Trains on 2 CPU cores: small CNN, 64x64, d = 64, Q = 8, L = 3, N = 2.</summary>
    public static SegmenterOptions Small { get; } = new(VisualBackbone.Small, 64, 64, 8, 3, 2, 4, 128, FeedForwardDim: 128);

    /// <summary>The paper's sizes on a GPU: ResNet-50, 224x224, d = 256, Q = 100, L = 9, N = 2, ImageBind-width (1024) cues.</summary>
    public static SegmenterOptions Paper { get; } = new(VisualBackbone.ResNet50, 224, 256, 100, 9, 2, 8, 1024, FeedForwardDim: 1024);

    /// <summary>FFN hidden width actually used (4 d when <see cref="FeedForwardDim"/> is 0).</summary>
    public int HiddenDim => FeedForwardDim > 0 ? FeedForwardDim : 4 * Dim;

    /// <summary>Resolves a preset name ("small" or "paper").</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static SegmenterOptions FromPreset(string name) => name?.ToLowerInvariant() switch
    {
        "small" => Small,
        "paper" => Paper,
        _ => throw new ArgumentException($"Unknown segmenter preset '{name}' (expected small or paper).", nameof(name)),
    };

    /// <summary>Checks the sizes are usable.</summary>
    /// <exception cref="ArgumentException">A size is not positive, d is not divisible by the heads, the image side is not a multiple of 32, or the nothing-logit is not negative.</exception>
    public void Validate()
    {
        if (ImageSize <= 0 || ImageSize % 32 != 0 || Dim <= 0 || Queries <= 0 || DecoderLayers <= 0 || SedamLayers <= 0 || Heads <= 0 || TextDim <= 0 || AudioDim <= 0 || AudioTokens <= 0 || CueSlots <= 0 || Dim < 4)
        {
            throw new ArgumentException($"Invalid segmenter options {this}: sizes must be positive, d >= 4 and the image side a multiple of 32.");
        }

        if (AudioMapChannels < 0 || (AudioMapChannels > 0 && AudioDim != AudioTokens * AudioMapChannels))
        {
            throw new ArgumentException($"Invalid segmenter options: a time-frequency audio map needs AudioDim = AudioTokens x AudioMapChannels (got {AudioDim}, {AudioTokens}, {AudioMapChannels}).");
        }

        if (Dim % Heads != 0)
        {
            throw new ArgumentException($"Invalid segmenter options: d = {Dim} is not divisible by {Heads} heads.");
        }

        if ((VisualOpenCue || IsolateOpenCue) && !OpenCue)
        {
            throw new ArgumentException("Invalid segmenter options: a visual or isolated open cue needs the open cue (OpenCue).");
        }

        if (SilentPrompts && DynamicMask == DynamicMaskMode.Off)
        {
            throw new ArgumentException("Invalid segmenter options: silent prompts carry the cues the dynamic mask drops; with the dynamic mask off none is dropped.");
        }

        if (NothingLogit >= 0 || MarginInit <= 0 || RelevanceTemperature <= 0)
        {
            throw new ArgumentException($"Invalid segmenter options: NothingLogit must be negative, MarginInit and RelevanceTemperature positive (got {NothingLogit}, {MarginInit}, {RelevanceTemperature}).");
        }
    }
}
