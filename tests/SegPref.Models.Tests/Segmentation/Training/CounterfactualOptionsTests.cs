using SegPref.Models.Segmentation.Training;

namespace SegPref.Models.Tests.Segmentation.Training;

public sealed class CounterfactualOptionsTests
{
    private static readonly SegmentationTrainingOptions OpenCuePass = new() { CueWeight = 1, CounterfactualWeight = 1, OpenCue = true, CounterfactualSwappedOpenCue = true };

    [Fact]
    public void Validate_OpenCueSwappedPass_NeedsTheWeightTheSwappedPassAndTheOpenCue()
    {
        OpenCuePass.Validate();

        foreach (var bad in new[] { OpenCuePass with { CounterfactualWeight = 0 }, OpenCuePass with { CounterfactualSwapped = false }, OpenCuePass with { OpenCue = false } })
        {
            var error = Assert.Throws<ArgumentException>(bad.Validate);
            Assert.Contains("open-cue swapped pass", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CounterfactualConditions_OpenCueSwappedPass_KeepsTheFloorAndSwappedPasses() =>
        Assert.Equal(["noise-floor", "swapped"], SegmentationExperiment.CounterfactualConditions(OpenCuePass));
}
