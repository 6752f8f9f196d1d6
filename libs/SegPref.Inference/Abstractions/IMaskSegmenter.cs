using SegPref.Media.Imaging;

namespace SegPref.Inference.Abstractions;

/// <summary>A prompted segmenter (TeSO or the audio-only baseline): per-frame sounding-object mask logits.</summary>
public interface IMaskSegmenter : IServedModel
{
    /// <summary>True for TeSO (needs cue embeddings), false for the audio-only baseline.</summary>
    bool UsesText { get; }

    /// <summary>Square input side the model works at (frames are resized to it; logits come back at it).</summary>
    int ImageSize { get; }

    /// <summary>Width of one audio embedding row (the graph's audio input).</summary>
    int AudioWidth { get; }

    /// <summary>Width D of one cue embedding (the graph's cue input; 0 without text).</summary>
    int CueWidth { get; }

    /// <summary>True when the graph also returns each frame's audio support ([T] in [0, 1]).</summary>
    bool ReportsAudioSupport { get; }

    /// <summary>The model's frame input for <paramref name="frames"/>: resized and normalised, row-major [T,3,S,S].</summary>
    /// <exception cref="ArgumentException">No frames.</exception>
    float[] PrepareFrames(IReadOnlyList<RgbImage> frames);

    /// <summary>Segments <see cref="SegmenterInput.Frames"/> frames; returns map logits [T,S,S] (sounding where > 0).</summary>
    /// <exception cref="ArgumentException">Buffers of the wrong length, or missing cues for a text model.</exception>
    SegmenterOutput Segment(SegmenterInput input);
}
