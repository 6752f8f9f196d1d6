using Google.Protobuf;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Media.Masks;

namespace SegPref.Segmentation.Service.Masks;

/// <summary>Turns one frame's logits [S,S] into its mask at the frame's own size (PNG, COCO RLE, optional probabilities).</summary>
public static class MaskRenderer
{
    /// <summary>Resizes the logits bilinearly to width x height, then thresholds at 0 (probability 0.5).</summary>
    public static (BinaryMask Mask, FrameMask Reply) Render(float[,,] logits, int frame, int width, int height, bool includeProbability)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var rows = logits.GetLength(1);
        var cols = logits.GetLength(2);
        var slice = new float[rows * cols];
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < cols; x++)
            {
                slice[(y * cols) + x] = logits[frame, y, x];
            }
        }

        var resized = LogitResizer.Bilinear(slice, cols, rows, width, height);
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

        return (mask, reply);
    }

    /// <summary>Intersection over union of two masks of one size; 1 when both are empty (they agree).</summary>
    public static double IoU(BinaryMask a, BinaryMask b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        long intersection = 0;
        long union = 0;
        for (var i = 0; i < a.Values.Length; i++)
        {
            var pa = a.Values[i] != 0;
            var pb = b.Values[i] != 0;
            intersection += pa && pb ? 1 : 0;
            union += pa || pb ? 1 : 0;
        }

        return union == 0 ? 1 : (double)intersection / union;
    }
}
