using SegPref.Models.Cues;

namespace SegPref.Models.Tests.Cues;

public sealed class CueVocabularyTests
{
    [Fact]
    public void AvssSoundCapable_Always_HoldsThe70ClassesWithoutBackground()
    {
        var vocabulary = CueVocabulary.AvssSoundCapable;

        Assert.Equal(70, vocabulary.Count);
        Assert.DoesNotContain("background", vocabulary.Words);
        Assert.Equal("accordion", vocabulary.Words[0]);
        Assert.Equal("woman", vocabulary.Words[69]);
    }

    [Theory]
    [InlineData("None")]
    [InlineData("none")]
    [InlineData(" ")]
    [InlineData(null)]
    public void IndexOf_Padding_ReturnsNoneIndex(string? word) =>
        Assert.Equal(CueVocabulary.NoneIndex, CueVocabulary.AvssSoundCapable.IndexOf(word));

    [Fact]
    public void IndexOf_KnownWordAnyCaseAndSpaces_ReturnsItsIndex() =>
        Assert.Equal(CueVocabulary.AvssSoundCapable.Words.ToList().IndexOf("dog"), CueVocabulary.AvssSoundCapable.IndexOf(" Dog "));

    [Fact]
    public void IndexOf_UnknownWord_ReturnsUnknownIndex() =>
        Assert.Equal(CueVocabulary.UnknownIndex, CueVocabulary.AvssSoundCapable.IndexOf("bicycle"));

    [Theory]
    [InlineData("dog", "Dog")]
    [InlineData("dog", "None")]
    [InlineData("dog", "")]
    public void Constructor_DuplicateOrPadding_ThrowsArgumentException(string first, string second) =>
        Assert.Throws<ArgumentException>(() => new CueVocabulary([first, second]));
}
