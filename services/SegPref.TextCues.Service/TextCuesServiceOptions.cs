using System.ComponentModel.DataAnnotations;

namespace SegPref.TextCues.Service;

/// <summary>Text-cue service settings (section "TextCuesService"; the backend itself is section "TextCues").</summary>
public sealed class TextCuesServiceOptions
{
    public const string SectionName = "TextCuesService";

    /// <summary>Descriptions sent to the backend at once (an LLM server batches concurrent requests).</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 4;
}
