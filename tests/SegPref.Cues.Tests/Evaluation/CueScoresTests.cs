using SegPref.Cues.Evaluation;

namespace SegPref.Cues.Tests.Evaluation;

public sealed class CueScoresTests
{
    [Fact]
    public void Compute_MixedFrames_MicroAverages()
    {
        (IReadOnlyList<string>, IReadOnlyList<string>)[] frames =
        [
            (["guitar", "man", "None", "None"], ["guitar", "man", "None", "None"]), // 2 TP
            (["dog", "cat", "None", "None"], ["dog", "None", "None", "None"]),      // 1 TP, 1 FP
            (["None", "None", "None", "None"], ["piano", "woman", "None", "None"]), // 2 FN
        ];

        var score = CueScores.Compute(frames);

        Assert.Equal((3, 1, 2, 3), (score.TruePositives, score.FalsePositives, score.FalseNegatives, score.Frames));
        Assert.Equal(0.75, score.Precision, 12);
        Assert.Equal(0.6, score.Recall, 12);
        Assert.Equal(2 * 0.75 * 0.6 / 1.35, score.F1, 12);
    }

    [Fact]
    public void Compute_OrderCaseAndDuplicates_DoNotMatter()
    {
        var score = CueScores.Compute([(["Man", "guitar", "guitar"], ["guitar", "man"])]);

        Assert.Equal((1.0, 1.0, 1.0), (score.Precision, score.Recall, score.F1));
    }

    [Fact]
    public void Compute_NothingAnywhere_IsPerfectAgreement()
    {
        var score = CueScores.Compute([(["None"], ["None", "None"]), ([], [])]);

        Assert.Equal((1.0, 1.0, 2), (score.F1, score.Precision, score.Frames));
    }

    [Fact]
    public void Compute_OnlyFalseNegatives_PrecisionZero()
    {
        var score = CueScores.Compute([([], ["dog"])]);

        Assert.Equal((0.0, 0.0, 0.0), (score.Precision, score.Recall, score.F1));
    }
}
