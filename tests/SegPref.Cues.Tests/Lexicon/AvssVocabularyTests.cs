using SegPref.Cues.Lexicon;

namespace SegPref.Cues.Tests.Lexicon;

public sealed class AvssVocabularyTests
{
    [Fact]
    public void ClassNames_Embedded_Are71InAvssOrder()
    {
        Assert.Equal(71, AvssVocabulary.ClassNames.Count);
        Assert.Equal("background", AvssVocabulary.ClassNames[0]);
        Assert.Equal("guitar", AvssVocabulary.ClassNames[28]);
        Assert.Equal("woman", AvssVocabulary.ClassNames[70]);
    }

    [Fact]
    public void SoundCapableClasses_AllButBackground_Are70()
    {
        Assert.Equal(70, AvssVocabulary.SoundCapableClasses.Count);
        Assert.DoesNotContain("background", AvssVocabulary.SoundCapableClasses);
        Assert.False(AvssVocabulary.IsSoundCapable("background"));
        Assert.False(AvssVocabulary.IsSoundCapable("chair"));
        Assert.False(AvssVocabulary.IsSoundCapable("Guitar"));
        Assert.True(AvssVocabulary.IsSoundCapable("vacuum-cleaner"));
    }

    [Fact]
    public void Extract_EveryClassName_FindsItself()
    {
        foreach (var cls in AvssVocabulary.SoundCapableClasses)
        {
            Assert.Equal([cls], CueLexicon.Default.Extract($"a {cls} in the center."));
        }
    }
}
