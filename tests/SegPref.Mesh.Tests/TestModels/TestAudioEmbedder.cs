using SegPref.Inference.Abstractions;
using SegPref.Media.Audio;

namespace SegPref.Mesh.Tests.TestModels;

/// <summary>A real, deterministic audio encoder for tests: per second, the mean and the standard deviation of each log-mel band.</summary>
internal sealed class TestAudioEmbedder : IAudioEmbedder
{
    public ModelIdentity Identity { get; } = new("test-audio-encoder", "1");

    public SegPref.Inference.Repository.ModelConfig? Config => null;

    public int EmbeddingSize => 2 * LogMelExamples.BandCount;

    public float[] Embed(LogMelExamples examples)
    {
        if (examples.Count == 0)
        {
            throw new ArgumentException("No examples.", nameof(examples));
        }

        var result = new float[examples.Count * EmbeddingSize];
        for (var t = 0; t < examples.Count; t++)
        {
            for (var band = 0; band < LogMelExamples.BandCount; band++)
            {
                double sum = 0, squares = 0;
                for (var f = 0; f < LogMelExamples.FrameCount; f++)
                {
                    var v = examples[t, f, band];
                    sum += v;
                    squares += v * v;
                }

                var mean = sum / LogMelExamples.FrameCount;
                result[(t * EmbeddingSize) + band] = (float)mean;
                result[(t * EmbeddingSize) + LogMelExamples.BandCount + band] = (float)Math.Sqrt(Math.Max(0, (squares / LogMelExamples.FrameCount) - (mean * mean)));
            }
        }

        return result;
    }
}
