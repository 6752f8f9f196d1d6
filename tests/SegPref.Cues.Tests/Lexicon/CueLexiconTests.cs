using SegPref.Cues.Lexicon;

namespace SegPref.Cues.Tests.Lexicon;

public sealed class CueLexiconTests
{
    private static string Cues(string description) => string.Join(",", CueLexicon.Default.Extract(description));

    [Theory]
    [InlineData("a red guitar on the left, a small brown dog in the center and a wooden chair at the bottom right.", "guitar,dog")]
    [InlineData("A Lady at the top left and a GUY on the right.", "woman,man")]
    [InlineData("a gentleman, a puppy, a kitten and an automobile.", "man,dog,cat,car")]
    [InlineData("an infant in the center and a fiddle at the top.", "baby,violin")]
    [InlineData("a chopper at the top and a sparrow on the left.", "helicopter,bird")]
    [InlineData("a plane, a motorbike and a lorry.", "airplane,motorcycle,truck")]
    [InlineData("a keyboard at the bottom.", "keyboard")]
    public void Extract_SynonymsAndCase_MapsToCanonicalClasses(string description, string expected) =>
        Assert.Equal(expected, Cues(description));

    [Theory]
    [InlineData("two dogs on the left and right.", "dog")]
    [InlineData("three men and two women in the center.", "man,woman")]
    [InlineData("two ladies, two puppies and two kittens.", "woman,dog,cat")]
    [InlineData("two babies and two infants.", "baby")]
    [InlineData("geese and sheep on the grass.", "goose,sheep")]
    [InlineData("two wolves and two buses.", "wolf,bus")]
    [InlineData("two gentlemen, two guys, two choppers and two sparrows.", "man,helicopter,bird")]
    [InlineData("two drum kits and two automobiles.", "drum,car")]
    [InlineData("two fiddles and two clocks.", "violin,clock")]
    public void Extract_Plurals_MapToSingularClass(string description, string expected) =>
        Assert.Equal(expected, Cues(description));

    [Theory]
    [InlineData("a vacuum cleaner on the left.", "vacuum-cleaner")]
    [InlineData("a vacuum-cleaner on the left.", "vacuum-cleaner")]
    [InlineData("a hair dryer and a hair-dryer and a hairdryer.", "hair-dryer")]
    [InlineData("an emergency car at the bottom.", "emergency-car")]
    [InlineData("a police car and a car.", "emergency-car,car")]
    [InlineData("a missile rocket at the top.", "missile-rocket")]
    [InlineData("frying food in the center.", "frying-food")]
    [InlineData("a hang drum and a drum.", "handpan,drum")]
    public void Extract_MultiwordClasses_MatchSpacedAndHyphenatedForms(string description, string expected) =>
        Assert.Equal(expected, Cues(description));

    [Fact]
    public void Extract_DrumKit_YieldsOneDrum()
    {
        Assert.Equal("drum", Cues("a drum kit at the bottom."));
        Assert.Equal("drum,man", Cues("a drum kit on the left, a man and a drum on the right."));
    }

    [Theory]
    [InlineData("a catalog on a carpet beside a cart.")]
    [InlineData("a business card near a belly button.")]
    [InlineData("a pianist's bench, a caterpillar and a doggy-bag")]
    [InlineData("a wooden chair, a table, a tree, a box and a lamp.")]
    [InlineData("")]
    [InlineData("   ,.;  ")]
    public void Extract_NoClassAsWholeWord_ReturnsNothing(string description) =>
        Assert.Empty(CueLexicon.Default.Extract(description));

    [Fact]
    public void Extract_MoreThanFourClasses_KeepsFirstFourByMention()
    {
        var cues = CueLexicon.Default.Extract("a piano, a dog, a cat, a bird, a car and a violin.");

        Assert.Equal(["piano", "dog", "cat", "bird"], cues);
        Assert.Equal(6, CueLexicon.Default.FindClasses("a piano, a dog, a cat, a bird, a car and a violin.").Count);
    }

    [Fact]
    public void Extract_PunctuationAndPossessives_StillMatch() =>
        Assert.Equal("dog,guitar,cat", Cues("The dog's bowl;(guitar)!\"cat\"?"));

    [Fact]
    public void TermCount_DefaultLexicon_CoversClassesPluralsAndSynonyms() =>
        Assert.True(CueLexicon.Default.TermCount > 70 * 2, $"only {CueLexicon.Default.TermCount} terms");

    [Theory]
    [InlineData("Puppies", "dog")]
    [InlineData("drum kit", "drum")]
    [InlineData("Electric Guitar", "guitar")]
    [InlineData("emergency_car", "emergency-car")]
    public void TryMapTerm_KnownWords_ReturnsClass(string term, string expected)
    {
        Assert.True(CueLexicon.Default.TryMapTerm(term, out var cls));
        Assert.Equal(expected, cls);
    }

    [Theory]
    [InlineData("chair")]
    [InlineData("people")]
    [InlineData("guitar and piano")]
    public void TryMapTerm_UnknownOrAmbiguous_ReturnsFalse(string term) =>
        Assert.False(CueLexicon.Default.TryMapTerm(term, out _));

    [Theory]
    [InlineData("synonym\tbanjo\tbanjo-class", "line 1")]
    [InlineData("synonym\tbanjo", "3 TAB-separated")]
    [InlineData("alias\tbanjo\tguitar", "unknown kind 'alias'")]
    [InlineData("# comment\nplural\tbanjos\tbanjo", "line 2: singular term 'banjo'")]
    [InlineData("synonym\tguitar\tpiano", "defined twice")]
    public void Parse_MalformedTable_ThrowsNamingLine(string tsv, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => CueLexicon.Parse(tsv, "custom.tsv"));

        Assert.Contains("custom.tsv", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
