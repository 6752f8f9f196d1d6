using Google.Protobuf;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Media.Masks;

namespace SegPref.Serving.Masks;

/// <summary>Turns one frame's logits [S,S] into its mask at the frame's own size (PNG, COCO RLE, optional probabilities).</summary>
public static class MaskRenderer
{
    /// <summary>Resizes the frame's logits (row-major side x side) bilinearly to width x height, then thresholds at 0 (probability 0.5).</summary>
    public static FrameMask Render(ReadOnlySpan<float> logits, int side, int width, int height, bool includeProbability)
    {
        var resized = LogitResizer.Bilinear(logits, side, side, width, height);
        var mask = new BinaryMask(width, height, Array.ConvertAll(resized, v => v > 0 ? (byte)1 : (byte)0));
        var reply = new FrameMask
        {
            Width = width,
            Height = height,
            Png = ByteString.CopyFrom(mask.EncodePng()),
            Rle = CocoRle.Encode(mask).ToCompressedString(),
            Area = mask.ForegroundCount,
        };
        if (includeProbability)
        {
            reply.ProbabilityPng = ByteString.CopyFrom(ProbabilityMap.FromLogits(width, height, resized).EncodePng());
        }

        return reply;
    }
}
