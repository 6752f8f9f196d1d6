using SegPref.Media.Audio;

namespace SegPref.Inference.Abstractions;

/// <summary>The frozen audio encoder: one embedding per second of audio (VGGish-style, 128 values).</summary>
public interface IAudioEmbedder : IServedModel
{
    /// <summary>Width of one embedding (128).</summary>
    int EmbeddingSize { get; }

    /// <summary>Embeds log-mel examples [N,96,64] into row-major [N,EmbeddingSize].</summary>
    /// <exception cref="ArgumentException">No examples.</exception>
    float[] Embed(LogMelExamples examples);
}
