using SegPref.Avs.Avss;
using SegPref.Models.Cues;

namespace SegPref.Models.Tests.Cues;

/// <summary>Synthetic "audio embeddings": one random direction per class plus noise, so matching is learnable without a dataset.</summary>
internal static class ToyCueAudio
{
    public static readonly string[] Classes = ["dog", "cat", "car", "piano", "guitar"];

    public static CueVocabulary Vocabulary { get; } = new(Classes);

    /// <summary><paramref name="perClass"/> one-second clips per class of width <paramref name="width"/>; same seed = same centroids.</summary>
    public static CueAudioSet Set(int perClass, int width, int seed, double noise = 0.6)
    {
        var random = new Random(seed);
        var centroids = Classes.Select((_, c) => Gaussian(new Random(1000 + c), width)).ToArray();

        var clips = new List<(float[,], IReadOnlyList<IReadOnlySet<int>>)>();
        for (var c = 0; c < Classes.Length; c++)
        {
            for (var k = 0; k < perClass; k++)
            {
                var noiseVector = Gaussian(random, width);
                var matrix = new float[1, width];
                for (var j = 0; j < width; j++)
                {
                    matrix[0, j] = (float)(centroids[c][j] + (noise * noiseVector[j]));
                }

                clips.Add((matrix, [new HashSet<int> { AvssClasses.IndexOf(Classes[c]) }]));
            }
        }

        return CueAudioSet.Build(clips, Vocabulary);
    }

    private static double[] Gaussian(Random random, int width) =>
        [.. Enumerable.Range(0, width).Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))];
}
