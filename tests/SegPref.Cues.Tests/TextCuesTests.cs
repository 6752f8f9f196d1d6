namespace SegPref.Cues.Tests;

public sealed class TextCuesTests
{
    [Fact]
    public void ToSlots_TwoCues_PadsWithNone()
    {
        var cues = new TextCues(["guitar", "man"]);

        Assert.Equal(["guitar", "man", CueSlots.None, CueSlots.None], cues.ToSlots());
        Assert.Equal([true, true, false, false], cues.Validity());
        Assert.Equal("guitar,man,None,None", cues.ToString());
    }

    [Fact]
    public void ToSlots_Empty_AllNoneAndInvalid()
    {
        Assert.Equal(Enumerable.Repeat(CueSlots.None, CueSlots.Count), TextCues.Empty.ToSlots());
        Assert.DoesNotContain(true, TextCues.Empty.Validity());
    }

    [Theory]
    [InlineData("guitar,piano,dog,cat,bird", "At most 4")]
    [InlineData("guitar,guitar", "distinct")]
    [InlineData("guitar,None", "'None'")]
    [InlineData("background", "'background'")]
    [InlineData("Guitar", "'Guitar'")]
    [InlineData("chair", "'chair'")]
    public void Constructor_InvalidCues_ThrowsArgumentException(string cues, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => new TextCues(cues.Split(',')));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
