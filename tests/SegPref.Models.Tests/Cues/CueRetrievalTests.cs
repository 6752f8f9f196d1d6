using SegPref.Avs.Avss;
using SegPref.Models.Cues;

namespace SegPref.Models.Tests.Cues;

public sealed class CueRetrievalTests
{
    [Fact]
    public void Score_HandExample_MatchesTheDefinitions()
    {
        // Texts: dog = (1,0), cat = (0,1). Seconds (vector, class): (1,0) dog, (.6,.8) dog, (0,1) cat, (.8,.6) cat.
        // audio->text: seconds 0 and 2 rank their own class first -> 2/4.
        // dog query (K=2): top-2 by cosine = s0 (1), s3 (.8) -> 1/2; top-1 s0 is dog. cat query: s2 (1), s1 (.8) -> 1/2; top-1 s2 is cat.
        var dog = AvssClasses.IndexOf("dog");
        var cat = AvssClasses.IndexOf("cat");
        float[,] embeddings = { { 1, 0 }, { 0.6f, 0.8f }, { 0, 1 }, { 0.8f, 0.6f } };
        IReadOnlyList<IReadOnlySet<int>> sounding = [new HashSet<int> { dog }, new HashSet<int> { dog }, new HashSet<int> { cat }, new HashSet<int> { cat }];
        var audio = CueAudioSet.Build([(embeddings, sounding)], new CueVocabulary(["dog", "cat"]));

        var scores = CueRetrieval.Score([1, 0, 0, 1], 2, audio);

        Assert.Equal(0.5, scores.AudioToTextTop1, 6);
        Assert.Equal(0.5, scores.TextToAudioRPrecision, 6);
        Assert.Equal(1.0, scores.TextToAudioRecallAt1, 6);
        Assert.Equal(4, scores.Seconds);
        Assert.Equal(2, scores.QueryClasses);
        Assert.Equal(0.5, scores.AudioToTextChance, 6);
        Assert.Equal(0.5, scores.RPrecisionChance, 6);
    }

    [Fact]
    public void Score_TextWidthDiffers_ThrowsArgumentException()
    {
        var audio = ToyCueAudio.Set(perClass: 1, width: 4, seed: 1);

        Assert.Throws<ArgumentException>(() => CueRetrieval.Score(new float[5 * 3], 5, audio));
    }
}
