using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// Semantics-driven audio modelling: cue tokens (text MLP to d) query the frame's audio tokens through N
/// <see cref="SedamLayer"/>s with the dynamic mask, then a projection gives one prompt per cue slot. Invalid ("None")
/// slots start masked and stay masked.
/// </summary>
public sealed class Sedam : nn.Module<Tensor, Tensor, Tensor, Tensor, SedamOutput>
{
    private readonly Sequential text_proj;
    private readonly AudioTokenizer audio_proj;
    private readonly ModuleList<SedamLayer> layers = new();
    private readonly Linear prompt_proj;
    private readonly Linear? silent_proj;
    private readonly Parameter margin_raw;
    private readonly Parameter? open_cue;
    private readonly Linear? open_cue_named;
    private readonly Linear? open_cue_visual;
    private readonly Sequential? cue_prior;
    private readonly SegmenterOptions _options;

    /// <summary>
    /// Creates SeDAM for <paramref name="options"/>; <paramref name="visualChannels"/> is the width of the visual encoder's
    /// coarsest feature map (needed with <see cref="SegmenterOptions.VisualOpenCue"/>).
    /// </summary>
    public Sedam(SegmenterOptions options, int visualChannels = 0)
        : base(nameof(Sedam))
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        KeepThreshold = options.KeepThreshold;
        text_proj = nn.Sequential(nn.Linear(options.TextDim, options.Dim), nn.ReLU(), nn.Linear(options.Dim, options.Dim));
        audio_proj = AudioTokenizer.For(options);
        for (var i = 0; i < options.SedamLayers; i++)
        {
            layers.Add(new SedamLayer(options.Dim, options.Heads, options.HiddenDim, options.DynamicMask, options.RelevanceTemperature, isolateLast: options.IsolateOpenCue));
        }

        prompt_proj = nn.Linear(options.Dim, options.Dim);
        if (options.SilentPrompts)
        {
            silent_proj = nn.Linear(options.Dim, options.Dim);
        }

        if (options.EvidenceRelevance)
        {
            cue_prior = nn.Sequential(nn.Linear(options.Dim, options.Dim), nn.ReLU(), nn.Linear(options.Dim, 1));
        }

        // softplus(raw) = MarginInit, and softplus keeps the margin strictly positive while it is learned.
        margin_raw = nn.Parameter(tensor(new[] { (float)Math.Log(Math.Exp(options.MarginInit) - 1) }));
        if (options.OpenCue)
        {
            open_cue = nn.Parameter(randn(1, 1, options.Dim) * 0.02);
            if (options.IsolateOpenCue)
            {
                open_cue_named = nn.Linear(options.Dim, options.Dim);
            }
        }

        if (options.VisualOpenCue)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(visualChannels, 1);
            open_cue_visual = nn.Linear(visualChannels, options.Dim);
        }

        RegisterComponents();
    }

    /// <summary>
    /// The dynamic mask's operating point: a cue survives a layer when its relevance is at least this value
    /// (<see cref="SegmenterOptions.KeepThreshold"/> at construction; <see cref="SetKeepThreshold"/> changes it).
    /// </summary>
    public double KeepThreshold { get; private set; }

    /// <summary>Sets the keep threshold every layer applies (validation-time choice of the operating point, <c>segpref calibrate</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a finite value.</exception>
    public void SetKeepThreshold(double threshold)
    {
        if (!double.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The keep threshold must be finite.");
        }

        KeepThreshold = threshold;
    }

    /// <summary>The current margin softplus(m) of the calibrated relevance.</summary>
    public Tensor Margin() => nn.functional.softplus(margin_raw);

    /// <summary>Sets the margin softplus(m) to <paramref name="margin"/> (validation-time calibration).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a positive finite value: a zero margin would keep cues under silence.</exception>
    public void SetMargin(double margin)
    {
        if (!(margin > 0) || !double.IsFinite(margin))
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "The margin must be positive and finite.");
        }

        using var noGrad = no_grad();
        // softplus^-1(y) = y + log(1 - exp(-y)), stable for small and large y.
        margin_raw.fill_(margin + Math.Log(1 - Math.Exp(-margin)));
    }

    /// <summary>
    /// Runs SeDAM: <paramref name="cues"/> [B,S,D_text], <paramref name="valid"/> [B,S] bool, <paramref name="audio"/>
    /// [B,AudioDim], <paramref name="silence"/> [AudioDim] (the frozen encoder's embedding of an all-zero second).
    /// With <see cref="SegmenterOptions.OpenCue"/> every per-slot output has S + 1 slots, the open cue last.
    /// </summary>
    public override SedamOutput forward(Tensor cues, Tensor valid, Tensor audio, Tensor silence) => Run(cues, valid, audio, silence, null);

    /// <summary>
    /// <see cref="forward"/>, with <paramref name="visual"/> [B,C] (the frame's mean-pooled coarsest visual features) added
    /// to the open cue's token through a linear map when <see cref="SegmenterOptions.VisualOpenCue"/>: the open cue then
    /// asks the audio about "an object this image shows that the description does not name".
    /// </summary>
    /// <exception cref="ArgumentException">A visual open cue without <paramref name="visual"/>.</exception>
    public SedamOutput Run(Tensor cues, Tensor valid, Tensor audio, Tensor silence, Tensor? visual)
    {
        ArgumentNullException.ThrowIfNull(cues);
        ArgumentNullException.ThrowIfNull(valid);
        ArgumentNullException.ThrowIfNull(silence);
        var audioTokens = audio_proj.call(audio);
        var silenceTokens = audio_proj.call(silence.reshape(1, -1)).expand_as(audioTokens);
        var margin = Margin();
        var x = text_proj.call(cues);
        var keep = valid.to(ScalarType.Bool);
        if (open_cue is not null)
        {
            var b = x.shape[0];
            var token = open_cue.expand(b, 1, _options.Dim);
            if (open_cue_named is not null)
            {
                // Isolated: what the description names (the mean of the valid text tokens before any audio); the open cue
                // asks the audio for a class not among them and never sees the text cues' audio-informed states or keep
                // decisions (SedamLayer isolates it), so "no named cue sounds" cannot stand in for "an unnamed one does".
                var validF = keep.to(x.dtype).unsqueeze(-1);
                var named = (x * validF).sum(1) / validF.sum(1).clamp_min(1);
                token = token + open_cue_named.call(named).unsqueeze(1);
            }

            if (open_cue_visual is not null)
            {
                token = token + open_cue_visual.call(visual ?? throw new ArgumentException("The visual open cue needs the pooled visual features.", nameof(visual))).unsqueeze(1);
            }

            x = cat([x, token], 1);
            keep = cat([keep, ones(b, 1, dtype: ScalarType.Bool)], 1);
        }

        var slotValid = keep;

        // The text-only prior of each slot, from its token before any audio (evidence relevance; training only).
        var prior = cue_prior?.call(x).squeeze(-1);
        var soft = keep.to(x.dtype);
        var support = soft;
        var keeps = new List<Tensor>();
        var relevance = new List<Tensor>();
        var logits = new List<Tensor>();
        foreach (var layer in layers)
        {
            var step = layer.Step(x, audioTokens, silenceTokens, keep, soft, margin, KeepThreshold);
            (x, keep, soft) = (step.Tokens, step.Keep, step.SoftKeep);
            keeps.Add(keep);
            relevance.Add(step.Relevance);
            logits.Add(step.AttentionLogits);
            support = support * ((step.Relevance - KeepThreshold) / _options.RelevanceTemperature).sigmoid();
        }

        // Audio support: the soft keep of the best-supported slot, whatever the mask mode (the served audio reliance).
        var frameSupport = support.max(-1).values;

        var hard = keep.to(x.dtype);
        var prompts = prompt_proj.call(x);
        if (_options.DynamicMask == DynamicMaskMode.Off)
        {
            return new SedamOutput(prompts * hard.unsqueeze(-1), keep, keep.logical_not(), hard, ones(x.shape[0]), audioTokens, x, keeps, relevance, logits, frameSupport, open_cue is not null, prior, support);
        }

        // Straight-through: the forward values are the hard 0/1 decisions, the gradient is the sigmoid surrogate's.
        var keepWeight = hard + soft - soft.detach();
        var anyHard = keep.any(-1).to(x.dtype);
        var anySoft = 1 - (1 - soft).prod(-1);
        var gate = anyHard + anySoft - anySoft.detach();
        var kept = prompts * keepWeight.unsqueeze(-1);
        var visible = keep;
        if (silent_proj is not null)
        {
            // A dropped valid cue reaches the decoder as its silent prompt (weight valid - keep: 1 - keep for valid slots,
            // 0 for empty ones, with the opposite straight-through gradient); only empty slots stay hidden.
            var dropped = slotValid.to(x.dtype) - keepWeight;
            kept = kept + (silent_proj.call(x) * dropped.unsqueeze(-1));
            visible = slotValid;
        }

        return new SedamOutput(kept, keep, visible.logical_not(), keepWeight, gate, audioTokens, x, keeps, relevance, logits, frameSupport, open_cue is not null, prior, support);
    }
}
