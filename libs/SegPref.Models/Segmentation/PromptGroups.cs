namespace SegPref.Models.Segmentation;

/// <summary>
/// Groups of the decoder's prompt tokens, for attribution (<c>segpref explain</c>): a group withheld in
/// <see cref="SegmentationInput.Withheld"/> is blocked for the PMQS queries as a masked cue is, while SeDAM, its keep mask
/// and the frame gate are computed as usual. So a withheld group shows what the decoder paints without that path.
/// </summary>
[Flags]
public enum PromptGroups
{
    /// <summary>Nothing withheld: the served forward pass.</summary>
    None = 0,

    /// <summary>TeSO's text-cue prompts (the cue slots named by the captioner and the LLM).</summary>
    TextCues = 1,

    /// <summary>TeSO's open cue (some sounding class no text cue names; carries the frame's visual features when enabled).</summary>
    OpenCue = 2,

    /// <summary>The audio prompt tokens (TeSO's audio prompts; the baseline's only prompts).</summary>
    AudioPrompts = 4,

    /// <summary>Every prompt: the queries decode from the image alone.</summary>
    All = TextCues | OpenCue | AudioPrompts,
}
