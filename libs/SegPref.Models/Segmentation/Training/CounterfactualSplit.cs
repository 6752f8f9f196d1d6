namespace SegPref.Models.Segmentation.Training;

/// <summary>The train split under counterfactual audio, for the counterfactual relevance term.</summary>
/// <param name="Split">The same rows as the train split, other audio.</param>
/// <param name="KeepsTargets">
/// The audio only adds sounds of classes that are not visible (own audio plus an off-screen source): the relevance keeps
/// the frame's own targets. Otherwise nothing visible sounds in it and every cue's target is 0.
/// </param>
/// <param name="OpenCueOnly">Only the open cue's last-layer relevance is trained on this pass (target 0); the text cues are left out.</param>
public sealed record CounterfactualSplit(SegmentationSplit Split, bool KeepsTargets, bool OpenCueOnly = false);
