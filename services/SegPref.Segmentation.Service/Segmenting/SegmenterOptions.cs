using System.ComponentModel.DataAnnotations;

namespace SegPref.Segmentation.Service.Segmenting;

/// <summary>Segmenter settings (section "Segmenter").</summary>
public sealed class SegmenterOptions
{
    public const string SectionName = "Segmenter";

    /// <summary>
    /// Width D of the cue embeddings the text model expects: used for its warm-up call and for the all-invalid cues of
    /// the audio-only fallback (IMaskSegmenter does not report it).
    /// </summary>
    [Range(1, 65536)]
    public int CueEmbeddingSize { get; set; } = 128;
}
