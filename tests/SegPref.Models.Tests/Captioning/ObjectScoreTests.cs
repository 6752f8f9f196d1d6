using SegPref.Models.Captioning;

namespace SegPref.Models.Tests.Captioning;

public sealed class ObjectScoreTests
{
    [Fact]
    public void Find_SynonymsPluralsAndDistractors_MapToCanonicalKinds()
    {
        var kinds = ObjectMentions.Find("a lady on the left, two puppies at the top and a wooden chair at the bottom right, near some boxes.");

        Assert.Equal(new[] { "box", "chair", "dog", "woman" }, kinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Find_NegatedAbsentClass_IsNotNamed()
    {
        var kinds = ObjectMentions.Find("a red guitar on the left and a lamp at the top, with no piano in sight.");

        Assert.Equal(new[] { "guitar", "lamp" }, kinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Compute_MissingAndExtraObjects_GiveHandCountedRecallAndPrecision()
    {
        // Frame 1: visible {guitar, dog, chair}, named {guitar, dog} -> 2 correct.
        // Frame 2: visible {car}, named {automobile -> car, cat, tree} -> 1 correct.
        var score = ObjectScore.Compute(
            ["a red guitar on the left and a brown dog in the center.", "an automobile on the right, a cat and a tree."],
            ["a red guitar on the left, a brown dog in the center and a chair at the top.", "a blue car on the right."]);

        Assert.Equal((4, 5, 3), (score.Visible, score.Named, score.Correct));
        Assert.Equal(3.0 / 4.0, score.Recall, 12);
        Assert.Equal(3.0 / 5.0, score.Precision, 12);
    }

    [Fact]
    public void Compute_RepeatedKindInOneFrame_CountsOnce()
    {
        var score = ObjectScore.Compute(["two dogs on the left and right."], ["a dog on the left and a puppy on the right."]);

        Assert.Equal((1, 1, 1), (score.Visible, score.Named, score.Correct));
    }
}
