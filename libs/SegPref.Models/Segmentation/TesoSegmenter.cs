using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// TeSO: SeDAM turns the frame's cue embeddings and audio embedding into prompts (cues the audio does not support are
/// masked), PMQS feeds the surviving prompts to the decoder queries, and a frame with no surviving prompt is declared
/// silent (every map logit = NothingLogit). The silence embedding is a buffer, so it travels with the checkpoint.
/// </summary>
public sealed class TesoSegmenter : Segmenter
{
    private readonly SegmenterTrunk trunk;
    private readonly Sedam sedam;
    private readonly Tensor silence_embedding;
    private readonly AudioTokenizer? audio_prompt;
    private readonly Sequential? ground_embed;

    /// <summary>
    /// Creates TeSO for <paramref name="options"/>. <paramref name="silence"/> [AudioDim] is the frozen audio encoder's
    /// embedding of an all-zero second (zeros if omitted; set it with <see cref="SetSilenceEmbedding"/> before training).
    /// </summary>
    public TesoSegmenter(SegmenterOptions options, Tensor? silence = null)
        : base(nameof(TesoSegmenter), options)
    {
        options.Validate();
        trunk = new SegmenterTrunk(options);
        sedam = new Sedam(options, trunk.VisualEncoder.Channels[^1]);
        silence_embedding = zeros(options.AudioDim);
        if (options.AudioPrompts)
        {
            audio_prompt = AudioTokenizer.For(options);
        }

        if (options.Grounding)
        {
            ground_embed = GroundingHead.Create(options.Dim);
        }

        RegisterComponents();
        if (silence is not null)
        {
            SetSilenceEmbedding(silence);
        }
    }

    /// <inheritdoc/>
    public override SegmenterTrunk Trunk => trunk;

    /// <summary>SeDAM (for inspection and tests).</summary>
    public Sedam Sedam => sedam;

    /// <summary>The silence embedding buffer [AudioDim].</summary>
    public Tensor SilenceEmbedding => silence_embedding;

    /// <summary>Copies <paramref name="silence"/> [AudioDim] into the silence buffer.</summary>
    /// <exception cref="ArgumentException">Wrong shape.</exception>
    public void SetSilenceEmbedding(Tensor silence)
    {
        ArgumentNullException.ThrowIfNull(silence);
        if (silence.numel() != Options.AudioDim)
        {
            throw new ArgumentException($"Silence embedding must have {Options.AudioDim} values, got {silence.numel()}.", nameof(silence));
        }

        using var noGrad = no_grad();
        silence_embedding.copy_(silence.reshape(Options.AudioDim).to(silence_embedding.dtype));
    }

    /// <inheritdoc/>
    public override SegmentationOutput forward(SegmentationInput input)
    {
        CheckCommon(input);
        var (cues, valid) = (input.Cues, input.CueValid);
        var b = input.Frames.shape[0];
        if (cues is null || valid is null || !cues.shape.SequenceEqual([b, Options.CueSlots, Options.TextDim]) || !valid.shape.SequenceEqual([b, Options.CueSlots]))
        {
            throw new ArgumentException($"TeSO needs cues [{b},{Options.CueSlots},{Options.TextDim}] and their validity [{b},{Options.CueSlots}].", nameof(input));
        }

        var features = trunk.Encode(input.Frames);
        var s = sedam.Run(cues, valid, input.Audio, silence_embedding, Options.VisualOpenCue ? features[^1].mean([2, 3]) : null);
        var (prompts, blocked) = (s.Prompts, Withhold(s.PromptBlocked, s.HasOpenCue, input.Withheld));
        if (audio_prompt is not null)
        {
            // The baseline's audio tokens join the prompts unmasked; silence is still handled by the frame gate.
            var tokens = audio_prompt.call(input.Audio);
            prompts = cat([prompts, tokens], 1);
            var withheld = input.Withheld.HasFlag(PromptGroups.AudioPrompts);
            blocked = cat([blocked, withheld ? ones(b, tokens.shape[1], dtype: ScalarType.Bool) : zeros(b, tokens.shape[1], dtype: ScalarType.Bool)], 1);
        }

        var output = trunk.Decode(input.Frames, features, prompts, blocked, s.FrameGate);
        var validF = valid.to(ScalarType.Bool).to(cues.dtype).unsqueeze(-1);
        var textTokens = s.CueTokens.narrow(1, 0, Options.CueSlots);
        var cueMean = (textTokens * validF).sum(1) / validF.sum(1).clamp_min(1);
        var pair = new ContrastivePair(s.AudioTokens.mean([1]), cueMean, valid.to(ScalarType.Bool).any(-1));
        var grounding = ground_embed is null || output.MaskFeatures is null
            ? null
            : GroundingHead.Logits(ground_embed, textTokens, output.MaskFeatures);
        return output with { Sedam = s, Contrastive = pair, GroundingLogits = grounding };
    }

    /// <inheritdoc/>
    public override IReadOnlyList<PromptGroups> PromptLayout()
    {
        var layout = Enumerable.Repeat(PromptGroups.TextCues, Options.CueSlots).ToList();
        if (Options.OpenCue)
        {
            layout.Add(PromptGroups.OpenCue);
        }

        if (audio_prompt is not null)
        {
            layout.AddRange(Enumerable.Repeat(PromptGroups.AudioPrompts, Options.AudioTokens));
        }

        return layout;
    }

    // SeDAM's blocked prompts [B,S(+1)] with the withheld text cue slots and open cue blocked as well.
    private Tensor Withhold(Tensor blocked, bool hasOpenCue, PromptGroups withheld)
    {
        if ((withheld & (PromptGroups.TextCues | PromptGroups.OpenCue)) == PromptGroups.None)
        {
            return blocked;
        }

        var extra = zeros_like(blocked);
        if (withheld.HasFlag(PromptGroups.TextCues))
        {
            extra.narrow(1, 0, Options.CueSlots).fill_(true);
        }

        if (withheld.HasFlag(PromptGroups.OpenCue) && hasOpenCue)
        {
            extra.narrow(1, Options.CueSlots, 1).fill_(true);
        }

        return blocked.logical_or(extra);
    }
}
