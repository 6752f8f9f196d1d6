using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>DETR/Mask2Former's normalised 2-D sine position encoding for a flattened feature map.</summary>
internal static class SinePosition
{
    /// <summary>Returns [1,h*w,dim]: the first half encodes y, the second x, each as interleaved sin/cos over dim/4 frequencies.</summary>
    public static Tensor Encode(long height, long width, int dim)
    {
        var half = dim / 2;
        var scale = 2 * Math.PI;
        var y = (arange(1, height + 1, dtype: ScalarType.Float32) / (height + 1e-6) * scale).view(-1, 1).expand(height, width);
        var x = (arange(1, width + 1, dtype: ScalarType.Float32) / (width + 1e-6) * scale).view(1, -1).expand(height, width);
        var index = arange(half, dtype: ScalarType.Float32);
        var freq = pow(10000.0, 2 * floor(index / 2) / half);
        var py = y.unsqueeze(-1) / freq;
        var px = x.unsqueeze(-1) / freq;
        var even = (arange(half) % 2).eq(0);
        py = where(even, py.sin(), py.cos());
        px = where(even, px.sin(), px.cos());
        var pos = cat([py, px], -1);
        if (pos.shape[2] < dim)
        {
            pos = nn.functional.pad(pos, [0, dim - pos.shape[2]]);
        }

        return pos.reshape(1, height * width, dim);
    }
}
