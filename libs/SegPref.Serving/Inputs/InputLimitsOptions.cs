using System.ComponentModel.DataAnnotations;

namespace SegPref.Serving.Inputs;

/// <summary>What a service accepts (section "Limits"); requests over a limit get INVALID_ARGUMENT naming it.</summary>
public sealed class InputLimitsOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Limits";

    /// <summary>Most frames (images, descriptions) in one request.</summary>
    [Range(1, 1024)]
    public int MaxFrames { get; set; } = 16;

    /// <summary>Most bytes of one encoded image.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxImageBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Most pixels of one decoded image (checked before the pixels are allocated).</summary>
    [Range(1, 256L * 1024 * 1024)]
    public long MaxPixels { get; set; } = 4096L * 4096;

    /// <summary>Longest audio accepted, in seconds.</summary>
    [Range(1, 3600)]
    public double MaxAudioSeconds { get; set; } = 30;

    /// <summary>Most characters of one scene description.</summary>
    [Range(1, 1_000_000)]
    public int MaxDescriptionChars { get; set; } = 2000;
}
