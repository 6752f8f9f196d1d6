using SegPref.Contracts.Segmentation.V1;
using SegPref.Media.Masks;
using SegPref.Serving.Masks;

namespace SegPref.Cli.Commands.Video;

/// <summary>
/// A frame's mask at the video's own size. The frames went out at the model's size, so the reply's maps are that
/// small; the service's own rule (logits resized bilinearly, thresholded at 0) is applied to the reply's probability
/// map, whose 8-bit values give back the logits up to rounding.
/// </summary>
internal static class VideoMasks
{
    // Probabilities 0 and 1 have no finite logit: half a quantisation step in from either end.
    private const float Epsilon = 0.5f / 255;

    public static BinaryMask AtVideoSize(FrameMask mask, int width, int height, string name)
    {
        if (mask.ProbabilityPng.IsEmpty)
        {
            return BinaryMask.Decode(mask.Png.ToByteArray(), name).Resize(width, height);
        }

        var map = ProbabilityMap.Decode(mask.ProbabilityPng.ToByteArray(), name);
        var logits = Array.ConvertAll(map.Probabilities, p =>
        {
            var q = Math.Clamp(p, Epsilon, 1 - Epsilon);
            return MathF.Log(q / (1 - q));
        });
        var resized = LogitResizer.Bilinear(logits, map.Width, map.Height, width, height);
        return new BinaryMask(width, height, Array.ConvertAll(resized, l => l > 0 ? (byte)1 : (byte)0));
    }
}
