using System.ComponentModel.DataAnnotations;

namespace SegPref.Serving.Inputs;

/// <summary>
/// What a service accepts (section "Limits"). A request over a per-request limit gets INVALID_ARGUMENT naming the
/// field and the limit; one that cannot get decode memory (<see cref="MaxDecodedBytes"/>) gets RESOURCE_EXHAUSTED.
/// </summary>
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

    /// <summary>Most pixels of one decoded image (checked from the header, before the pixels are allocated).</summary>
    [Range(1, 256L * 1024 * 1024)]
    public long MaxPixels { get; set; } = 4096L * 4096;

    /// <summary>Longest audio accepted, in seconds (checked from the WAV header or the PCM length, before decoding).</summary>
    [Range(1, 3600)]
    public double MaxAudioSeconds { get; set; } = 30;

    /// <summary>Lowest audio sample rate accepted (WAV header or PCM), in hertz.</summary>
    [Range(1, 384_000)]
    public int MinSampleRateHz { get; set; } = 1000;

    /// <summary>
    /// Highest audio sample rate accepted, in hertz. Resampling work and its filter grow with the rate: this is what
    /// stops a header declaring 2,147,483,647 Hz before any work is done.
    /// </summary>
    [Range(16_000, 768_000)]
    public int MaxSampleRateHz { get; set; } = 192_000;

    /// <summary>Most characters of one scene description.</summary>
    [Range(1, 1_000_000)]
    public int MaxDescriptionChars { get; set; } = 2000;

    /// <summary>
    /// Memory budget of the whole service for decoded pixels and samples of the requests in flight, in bytes. A
    /// request reserves its share (from the image and WAV headers) before decoding and waits while others hold the
    /// budget; one that needs more than all of it is refused with RESOURCE_EXHAUSTED.
    /// </summary>
    [Range(1024 * 1024, 64L * 1024 * 1024 * 1024)]
    public long MaxDecodedBytes { get; set; } = 256L * 1024 * 1024;
}
