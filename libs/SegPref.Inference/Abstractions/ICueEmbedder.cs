namespace SegPref.Inference.Abstractions;

/// <summary>The cue (text) encoder: embeds each frame's cue slots ("None"-padded) for the segmenter.</summary>
public interface ICueEmbedder : IServedModel
{
    /// <summary>Width D of one cue embedding (the segmenter's text width).</summary>
    int EmbeddingSize { get; }

    /// <summary>
    /// Embeds <paramref name="slots"/> (per frame exactly <see cref="SegPref.Cues.CueSlots.Count"/> names, "None" for
    /// padding) into row-major vectors [n,slots,D] and validity [n,slots] (false for "None" and words the model does not know).
    /// </summary>
    /// <exception cref="ArgumentException">A frame with the wrong number of slots.</exception>
    CueEmbeddings Embed(IReadOnlyList<string[]> slots);
}
