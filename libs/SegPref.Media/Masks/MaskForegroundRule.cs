namespace SegPref.Media.Masks;

/// <summary>How a decoded mask pixel (grey or colour) is judged foreground.</summary>
public enum MaskForegroundRule
{
    /// <summary>
    /// Foreground where any channel is non-zero. Agrees with the official loaders on AVSBench gt_masks
    /// (stored as 0/255), also reads 0/1 masks and AVSS colour masks, whose dark palette colours such as
    /// (128, 0, 0) would fall below a luma threshold.
    /// </summary>
    AnyNonZero,

    /// <summary>
    /// Foreground where the PIL luma (299 R + 587 G + 114 B) / 1000 is at least 128: the official AVSBench
    /// loader's <c>convert('1')</c> then ToTensor, without its dithering. Use it for anti-aliased masks.
    /// </summary>
    LumaAtLeastHalf,
}
