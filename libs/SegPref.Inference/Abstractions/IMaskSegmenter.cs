using SegPref.Media.Imaging;

namespace SegPref.Inference.Abstractions;

/// <summary>A prompted segmenter (TeSO or the audio-only baseline): per-frame sounding-object mask logits.</summary>
public interface IMaskSegmenter
{
    /// <summary>The model that answers.</summary>
    ModelIdentity Identity { get; }

    /// <summary>True for TeSO (needs cue embeddings), false for the audio-only baseline.</summary>
    bool UsesText { get; }

    /// <summary>Square input side the model works at (frames are resized to it; logits come back at it).</summary>
    int ImageSize { get; }

    /// <summary>
    /// Segments T frames given their audio embeddings [T,128] and, for TeSO, cue embeddings [T,slots,D] with validity
    /// [T,slots]. Returns map logits [T,ImageSize,ImageSize] (sounding where > 0).
    /// </summary>
    /// <exception cref="ArgumentException">Frame count mismatch, wrong widths, or missing cues for a text model.</exception>
    float[,,] Segment(IReadOnlyList<RgbImage> frames, float[,] audio, float[,,]? cues, bool[,]? valid);
}
