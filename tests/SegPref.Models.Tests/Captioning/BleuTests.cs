using SegPref.Models.Captioning;

namespace SegPref.Models.Tests.Captioning;

public sealed class BleuTests
{
    [Fact]
    public void Corpus_IdenticalTexts_IsOne()
    {
        var texts = new[] { "a red guitar on the left, a small brown dog in the center.", "two dogs on the left and right." };

        Assert.Equal(1.0, Bleu.Corpus(texts, texts), 12);
    }

    [Fact]
    public void Corpus_NoFourGramInCommon_IsZero()
    {
        // Every unigram..trigram matches somewhere, but no 4-gram does: unsmoothed BLEU-4 is 0.
        Assert.Equal(0.0, Bleu.Corpus(["a dog on the left"], ["a dog on a left the"]));
    }

    [Fact]
    public void Corpus_ShortHypothesis_AppliesBrevityPenalty()
    {
        // All n-grams of the 6-token hypothesis occur in the 7-token reference: precisions 1, BP = exp(1 - 7/6).
        var score = Bleu.Corpus(["the cat sat on the mat"], ["the cat sat on the mat today"]);

        Assert.Equal(Math.Exp(1 - (7.0 / 6.0)), score, 12);
    }

    [Fact]
    public void Corpus_PartialOverlap_IsGeometricMeanOfClippedPrecisions()
    {
        // p1 = 4/5, p2 = 3/4, p3 = 2/3, p4 = 1/2, equal lengths.
        var score = Bleu.Corpus(["a b c d e"], ["a b c d f"]);

        Assert.Equal(Math.Pow(0.8 * 0.75 * (2.0 / 3.0) * 0.5, 0.25), score, 12);
    }

    [Fact]
    public void Corpus_RepeatedWords_AreClippedByReferenceCounts()
    {
        // "dog dog dog dog dog" vs "dog a b c d": unigram matches clip to 1 of 5, no bigram matches -> 0.
        Assert.Equal(0.0, Bleu.Corpus(["dog dog dog dog dog"], ["dog a b c d"]));
    }

    [Fact]
    public void Corpus_SumsCountsOverTheCorpusBeforeTakingTheMean()
    {
        // Sentence 1 matches fully (4 tokens); sentence 2 shares nothing (4 tokens):
        // p1 = 4/8, p2 = 3/6, p3 = 2/4, p4 = 1/2 -> 0.5.
        var score = Bleu.Corpus(["a b c d", "w x y z"], ["a b c d", "e f g h"]);

        Assert.Equal(0.5, score, 12);
    }

    [Fact]
    public void Corpus_MismatchedCounts_Throws() =>
        Assert.Throws<ArgumentException>(() => Bleu.Corpus(["a"], ["a", "b"]));
}
