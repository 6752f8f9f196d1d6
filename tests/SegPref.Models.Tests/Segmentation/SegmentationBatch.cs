using SegPref.Models.Segmentation;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Segmentation;

/// <summary>Random inputs for the small preset from a private generator (so they never disturb the global one).</summary>
internal static class SegmentationBatch
{
    public static SegmentationInput Random(SegmenterOptions options, int batch, ulong seed)
    {
        var g = new Generator(seed);
        var frames = randn(batch, 3, options.ImageSize, options.ImageSize, generator: g);
        var audio = randn(batch, options.AudioDim, generator: g);
        var cues = randn(batch, options.CueSlots, options.TextDim, generator: g);
        var valid = ones(batch, options.CueSlots, dtype: ScalarType.Bool);
        valid[0, options.CueSlots - 1] = false;
        return new SegmentationInput(frames, audio, cues, valid);
    }

    /// <summary>Masks [B,H,W]: a centred square per frame whose size depends on the frame, so frames differ.</summary>
    public static Tensor Masks(SegmenterOptions options, int batch)
    {
        var masks = zeros(batch, options.ImageSize, options.ImageSize);
        for (var b = 0; b < batch; b++)
        {
            var half = (options.ImageSize / 8) + (b * options.ImageSize / 16);
            var lo = (options.ImageSize / 2) - half;
            masks[b, TensorIndex.Slice(lo, lo + (2 * half)), TensorIndex.Slice(lo, lo + (2 * half))] = 1;
        }

        return masks;
    }
}
