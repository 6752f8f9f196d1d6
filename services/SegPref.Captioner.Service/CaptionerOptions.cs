using System.ComponentModel.DataAnnotations;

namespace SegPref.Captioner.Service;

/// <summary>Captioner settings (section "Captioner").</summary>
public sealed class CaptionerOptions
{
    public const string SectionName = "Captioner";

    /// <summary>Descriptions kept in the image-hash cache (least recently used are dropped first); 0 disables it.</summary>
    [Range(0, 10_000_000)]
    public int CacheCapacity { get; set; } = 4096;
}
