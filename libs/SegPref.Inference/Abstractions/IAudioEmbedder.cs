using SegPref.Media.Audio;

namespace SegPref.Inference.Abstractions;

/// <summary>The frozen audio encoder: one embedding per second of audio (VGGish-style, 128 values).</summary>
public interface IAudioEmbedder
{
    /// <summary>The model that answers.</summary>
    ModelIdentity Identity { get; }

    /// <summary>Width of one embedding (128).</summary>
    int EmbeddingSize { get; }

    /// <summary>Embeds log-mel examples [T,96,64] into [T,EmbeddingSize].</summary>
    /// <exception cref="ArgumentException">No examples.</exception>
    float[,] Embed(LogMelExamples examples);
}
