using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// FPN-style pixel decoder: a 1x1 lateral conv per scale to width d, top-down nearest upsampling and addition,
/// a 3x3 conv-GroupNorm-ReLU output conv and a <see cref="BottleneckAdapter"/> per scale, and a 1x1 conv on the
/// finest output as the mask features.
/// </summary>
public sealed class PixelDecoder : nn.Module<Tensor[], PixelDecoderOutput>
{
    private readonly ModuleList<Conv2d> lateral_convs = new();
    private readonly ModuleList<Sequential> output_convs = new();
    private readonly ModuleList<BottleneckAdapter> adapters = new();
    private readonly Conv2d mask_features;

    /// <summary>Creates a decoder for encoder features with <paramref name="channels"/> (finest first) to width <paramref name="dim"/>.</summary>
    public PixelDecoder(IReadOnlyList<int> channels, int dim)
        : base(nameof(PixelDecoder))
    {
        ArgumentNullException.ThrowIfNull(channels);
        var groups = dim % 32 == 0 ? 32 : dim % 8 == 0 ? 8 : 1;
        foreach (var c in channels)
        {
            lateral_convs.Add(nn.Conv2d(c, dim, 1));
            output_convs.Add(nn.Sequential(nn.Conv2d(dim, dim, 3, padding: 1, bias: false), GroupNorm(groups, dim), nn.ReLU()));
            adapters.Add(new BottleneckAdapter(dim));
        }

        mask_features = nn.Conv2d(dim, dim, 1);
        RegisterComponents();
    }

    // TorchSharp 0.107's GroupNorm leaves its affine parameters uninitialised (values in the thousands were seen):
    // set PyTorch's defaults explicitly.
    private static GroupNorm GroupNorm(int groups, int dim)
    {
        var norm = nn.GroupNorm(groups, dim);
        using var noGrad = no_grad();
        nn.init.ones_(norm.weight!);
        nn.init.zeros_(norm.bias!);
        return norm;
    }

    /// <inheritdoc/>
    public override PixelDecoderOutput forward(Tensor[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Length != lateral_convs.Count)
        {
            throw new ArgumentException($"Pixel decoder expects {lateral_convs.Count} feature maps, got {input.Length}.", nameof(input));
        }

        var outputs = new Tensor[input.Length];
        Tensor? topDown = null;
        for (var i = input.Length - 1; i >= 0; i--)
        {
            var lateral = lateral_convs[i].call(input[i]);
            if (topDown is not null)
            {
                lateral += nn.functional.interpolate(topDown, size: [lateral.shape[2], lateral.shape[3]], mode: InterpolationMode.Nearest);
            }

            topDown = lateral;
            outputs[i] = adapters[i].call(output_convs[i].call(lateral));
        }

        return new PixelDecoderOutput(outputs, mask_features.call(outputs[0]));
    }
}
