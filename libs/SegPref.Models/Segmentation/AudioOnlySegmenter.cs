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

    /// <summary>Creates the baseline for <paramref name="options"/> (cue sizes and the dynamic-mask mode are unused).</summary>
    public AudioOnlySegmenter(SegmenterOptions options)
        : base(nameof(AudioOnlySegmenter), options)
    {
        options.Validate();
        trunk = new SegmenterTrunk(options);
        audio_proj = new AudioTokenizer(options.AudioDim, options.Dim, options.AudioTokens);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override SegmenterTrunk Trunk => trunk;

    /// <inheritdoc/>
    public override SegmentationOutput forward(SegmentationInput input)
    {
        CheckCommon(input);
        var tokens = audio_proj.call(input.Audio);
        var b = input.Frames.shape[0];
        var blocked = zeros(b, tokens.shape[1], dtype: ScalarType.Bool);
        return trunk.call(input.Frames, tokens, blocked, ones(b));
    }
}
