using SegPref.Avs.Avss;
using SegPref.Models.Cues;

namespace SegPref.Models.Tests.Cues;

public sealed class CueAudioSetTests
{
    private static readonly CueVocabulary DogCat = new(["dog", "cat"]);

    [Fact]
    public void Build_MixedSeconds_KeepsOnlySingleSourceVocabularySecondsNormalised()
    {
        var dog = AvssClasses.IndexOf("dog");
        var cat = AvssClasses.IndexOf("cat");
        var piano = AvssClasses.IndexOf("piano");
        float[,] embeddings = { { 3, 4 }, { 1, 1 }, { 2, 2 }, { 5, 5 }, { 0, 2 } };
        IReadOnlyList<IReadOnlySet<int>> sounding = [new HashSet<int> { dog }, new HashSet<int> { dog, cat }, new HashSet<int>(), new HashSet<int> { piano }, new HashSet<int> { cat }];

        var set = CueAudioSet.Build([(embeddings, sounding)], DogCat);

        Assert.Equal(2, set.Count);
        Assert.Equal(3, set.SkippedSeconds);
        Assert.Equal([0, 1], set.Labels);
        Assert.Equal([0.6f, 0.8f, 0f, 1f], set.Embeddings);
    }

    [Fact]
    public void Build_LabelsForFewerSecondsThanEmbeddings_ThrowsArgumentException()
    {
        float[,] embeddings = { { 1, 0 }, { 0, 1 } };

        Assert.Throws<ArgumentException>(() => CueAudioSet.Build([(embeddings, [new HashSet<int>()])], DogCat));
    }
}
