namespace SegPref.Models.Segmentation.Training;

/// <summary>Where a frame's text cues come from.</summary>
public enum CueSource
{
    /// <summary>The paper's chain: the captioner describes the frame, the lexicon extracts the cues.</summary>
    Predicted,

    /// <summary>AVS-Synth's ground-truth cues (an oracle captioner + extractor; an ablation).</summary>
    GroundTruth,
}
