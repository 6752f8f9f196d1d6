using SegPref.Models.Captioning;

namespace SegPref.Models.Tests.Captioning;

public sealed class CaptionVocabularyTests
{
    [Fact]
    public void Tokenize_PunctuationAndCase_AreSplitAndLowered()
    {
        var tokens = CaptionTokenizer.Tokenize("A Red guitar on the left, two dogs.");

        Assert.Equal(["a", "red", "guitar", "on", "the", "left", ",", "two", "dogs", "."], tokens);
    }

    [Fact]
    public void Decode_OfEncode_RestoresTheNormalisedSentence()
    {
        var vocabulary = CaptionVocabulary.Build(["a red guitar on the left, a dog.", "a dog at the top."]);

        var text = vocabulary.Decode(vocabulary.Encode("A dog on the left, a red guitar."));

        Assert.Equal("a dog on the left, a red guitar.", text);
    }

    [Fact]
    public void Encode_UnknownWord_IsUnk()
    {
        var vocabulary = CaptionVocabulary.Build(["a dog."]);

        Assert.Equal([4, CaptionVocabulary.Unk, 6], vocabulary.Encode("a cat."));
    }

    [Fact]
    public void Decode_StopsAtEosAndSkipsSpecials()
    {
        var vocabulary = CaptionVocabulary.Build(["a dog."]);

        Assert.Equal("a dog", vocabulary.Decode([CaptionVocabulary.Bos, 4, 5, CaptionVocabulary.Eos, 6]));
    }

    [Fact]
    public void Load_OfSave_GivesTheSameWords()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vocab-{Guid.NewGuid():N}.json");
        try
        {
            var vocabulary = CaptionVocabulary.Build(["a dog on the left.", "a red chair."]);
            vocabulary.Save(path);

            Assert.Equal(vocabulary.Words, CaptionVocabulary.Load(path).Words);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_WithoutSpecialTokens_ThrowsNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vocab-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, "[\"a\", \"dog\"]");

            var error = Assert.Throws<InvalidDataException>(() => CaptionVocabulary.Load(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
