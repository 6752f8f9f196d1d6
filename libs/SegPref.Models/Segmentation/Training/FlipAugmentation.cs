using static TorchSharp.torch;

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// Horizontal flips of frames and masks for chosen rows. Audio and cues are left as they are: cue words name objects,
/// not positions, so a mirrored frame keeps its cues and its sound.
/// </summary>
internal static class FlipAugmentation
{
    public static (SegmentationInput Input, Tensor Masks) Apply(SegmentationInput input, Tensor masks, bool[] flip)
    {
        if (!flip.Any(f => f))
        {
            return (input, masks);
        }

        var rows = tensor(flip);
        var frames = where(rows.view(-1, 1, 1, 1), input.Frames.flip(3), input.Frames);
        var flippedMasks = where(rows.view(-1, 1, 1), masks.flip(2), masks);
        return (input with { Frames = frames }, flippedMasks);
    }

    /// <summary>Mirrors per-slot maps [B,S,h,w] (grounding targets) of the rows <paramref name="flip"/> marks.</summary>
    public static Tensor ApplyToSlots(Tensor maps, bool[] flip) =>
        flip.Any(f => f) ? where(tensor(flip).view(-1, 1, 1, 1), maps.flip(3), maps) : maps;
}
