using SegPref.Media.Audio;
using static TorchSharp.torch;

namespace SegPref.Models.Audio;

/// <summary>Batched inference of an <see cref="AudioTagger"/> over flat log-mel arrays.</summary>
internal static class TaggerScoring
{
    /// <summary>Sigmoid class scores [count, C] row-major for <paramref name="count"/> examples of <paramref name="features"/>.</summary>
    public static float[] Scores(AudioTagger model, float[] features, int count, int batchSize = 256)
    {
        var classes = model.ClassCount;
        var scores = new float[count * classes];
        model.eval();
        using var noGrad = no_grad();
        for (var start = 0; start < count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var n = Math.Min(batchSize, count - start);
            var batch = features.AsSpan(start * LogMelExamples.ExampleSize, n * LogMelExamples.ExampleSize).ToArray();
            var x = tensor(batch, [n, 1, LogMelExamples.FrameCount, LogMelExamples.BandCount]);
            var probabilities = model.call(x).sigmoid().data<float>().ToArray();
            probabilities.CopyTo(scores, start * classes);
        }

        return scores;
    }

    /// <summary>Tagging mAP of <paramref name="model"/> on <paramref name="set"/>.</summary>
    public static double MeanAveragePrecision(AudioTagger model, AudioTaggingSet set) =>
        AveragePrecision.Mean(Scores(model, set.Features, set.Count), set.Targets, set.ClassIndices.Count);
}
