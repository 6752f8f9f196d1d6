using SegPref.Avs.Synth;

namespace SegPref.Avs.Avss;

/// <summary>One clip of an AVSS-layout dataset: <c>&lt;root&gt;/&lt;label&gt;/&lt;uid&gt;/</c>.</summary>
/// <param name="Row">The clip's metadata.csv row.</param>
/// <param name="Dir">The clip folder.</param>
/// <param name="FrameIndices">The &lt;i&gt; of each frames/&lt;i&gt;.jpg|png, ascending.</param>
/// <param name="FramePaths">Frame images in time order.</param>
/// <param name="MaskPaths">labels_rgb/&lt;i&gt;.png per frame (AVSS palette colours); null where the frame is not annotated.</param>
/// <param name="AudioPath">audio.wav.</param>
/// <param name="Synth">AVS-Synth's synth.json, when the clip has one.</param>
public sealed record AvssClip(
    AvssMetadataRow Row,
    string Dir,
    IReadOnlyList<int> FrameIndices,
    IReadOnlyList<string> FramePaths,
    IReadOnlyList<string?> MaskPaths,
    string AudioPath,
    SynthClipInfo? Synth)
    : AvsClip(Row?.Uid ?? throw new ArgumentNullException(nameof(Row)), Row.Split, Dir, FramePaths, MaskPaths, AudioPath)
{
    /// <summary>The bundle folder (v1s, v1m, v2, synth).</summary>
    public string Label => Row.Label;
}
