using SegPref.Cues.Lexicon;

namespace SegPref.Cues.Tests.Lexicon;

public sealed class MentionRulesTests
{
    private static string Cues(string description) => string.Join(",", CueLexicon.Default.Extract(description));

    [Theory]
    [InlineData("a red guitar on the left and a lamp at the top, with no piano in sight.", "guitar")]
    [InlineData("a guitar on the left and a dog in the center, but no people.", "guitar,dog")]
    [InlineData("no piano, but a guitar.", "guitar")]
    [InlineData("no piano but a guitar.", "guitar")]
    [InlineData("no piano and a guitar on the right.", "guitar")]
    [InlineData("a man without a violin.", "man")]
    [InlineData("there is not a single piano here.", "")]
    [InlineData("a dog, but no cats or birds in sight.", "dog")]
    [InlineData("neither a piano nor a violin, only a drum.", "drum")]
    [InlineData("there isn't a piano, but a guitar.", "guitar")]
    [InlineData("a woman with no dog in sight.", "woman")]
    [InlineData("a man who is not playing a guitar.", "man,guitar")]
    public void Extract_Negations_DropOnlyNegatedMentions(string description, string expected) =>
        Assert.Equal(expected, Cues(description));

    [Fact]
    public void Extract_NegatedThenMentionedPositively_KeepsClass() =>
        Assert.Equal("dog", Cues("no dog on the left, a dog on the right."));

    [Theory]
    [InlineData("there is a picture of a dog on the wall and a cat.", "cat")]
    [InlineData("a picture of a dog on the wall and a cat.", "dog,cat")]
    [InlineData("an image of a green guy at the top left and a baby.", "man,baby")]
    [InlineData("a photo of two puppies.", "dog")]
    [InlineData("a poster of a small brown guitar.", "")]
    [InlineData("a toy car and a broken piano next to a stuffed dog.", "")]
    [InlineData("a dog statue in the center and a man.", "man")]
    [InlineData("a horse painting, a piano.", "piano")]
    [InlineData("a broken old clock and a clock.", "clock")]
    public void Extract_InertStates_AreNotCues(string description, string expected) =>
        Assert.Equal(expected, Cues(description));

    [Theory]
    [InlineData("a man saw a dog.", "man,dog")]
    [InlineData("they saw a duck.", "duck")]
    [InlineData("a man with a saw.", "man,saw")]
    [InlineData("a boy learning to train a dog near a red train.", "boy,dog,train")]
    public void Extract_VerbHomographs_OnlyNounsCount(string description, string expected) =>
        Assert.Equal(expected, Cues(description));
}
