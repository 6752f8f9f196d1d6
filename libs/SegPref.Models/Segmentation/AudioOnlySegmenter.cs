using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// The audio-only baseline: identical to <see cref="TesoSegmenter"/> except that there is no text: the projected audio
/// tokens prompt the queries through the same PMQS block, nothing is masked and no frame is gated.
/// </summary>
public sealed class AudioOnlySegmenter : Segmenter
{
    private readonly SegmenterTrunk trunk;
    private readonly AudioTokenizer audio_proj;
    private readonly Parameter? object_query;
    private readonly Sequential? ground_embed;

    /// <summary>
    /// Creates the baseline for <paramref name="options"/> (cue sizes and the dynamic-mask mode are unused). With
    /// <see cref="SegmenterOptions.Grounding"/> it gets the class-agnostic analogue of TeSO's grounding head: one learned
    /// token, through the same head, marks where any object is (the baseline has no class names to ground).
    /// </summary>
    public AudioOnlySegmenter(SegmenterOptions options)
        : base(nameof(AudioOnlySegmenter), options)
    {
        options.Validate();
        trunk = new SegmenterTrunk(options);
        audio_proj = AudioTokenizer.For(options);
        if (options.Grounding)
        {
            object_query = nn.Parameter(randn(1, 1, options.Dim) * 0.02);
            ground_embed = GroundingHead.Create(options.Dim);
        }

        RegisterComponents();
    }

    /// <inheritdoc/>
    public override SegmenterTrunk Trunk => trunk;

    /// <inheritdoc/>
    public override IReadOnlyList<PromptGroups> PromptLayout() => [.. Enumerable.Repeat(PromptGroups.AudioPrompts, Options.AudioTokens)];

    /// <inheritdoc/>
    public override SegmentationOutput forward(SegmentationInput input)
    {
        CheckCommon(input);
        var tokens = audio_proj.call(input.Audio);
        var b = input.Frames.shape[0];
        var blocked = input.Withheld.HasFlag(PromptGroups.AudioPrompts)
            ? ones(b, tokens.shape[1], dtype: ScalarType.Bool)
            : zeros(b, tokens.shape[1], dtype: ScalarType.Bool);
        var output = trunk.call(input.Frames, tokens, blocked, ones(b));
        if (object_query is null || ground_embed is null || output.MaskFeatures is null)
        {
            return output;
        }

        var objects = GroundingHead.Logits(ground_embed, object_query.expand(b, 1, Options.Dim), output.MaskFeatures);
        return output with { GroundingLogits = objects };
    }
}
