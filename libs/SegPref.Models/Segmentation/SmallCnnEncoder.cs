using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// The small preset's encoder: a stride-4 stem and two stride-2 stages (conv-BN-ReLU pairs), giving features at
/// strides 4/8/16 (16x16, 8x8, 4x4 for 64x64 frames). Trains from scratch on two CPU cores.
/// </summary>
public sealed class SmallCnnEncoder : VisualEncoder
{
    private static readonly int[] Widths = [32, 64, 96];

    private readonly Sequential stem;
    private readonly Sequential stage2;
    private readonly Sequential stage3;

    /// <summary>Creates the encoder with randomly initialised weights.</summary>
    public SmallCnnEncoder()
        : base(nameof(SmallCnnEncoder))
    {
        stem = nn.Sequential(ConvBnRelu(3, 16, 2), ConvBnRelu(16, Widths[0], 2), ConvBnRelu(Widths[0], Widths[0], 1));
        stage2 = nn.Sequential(ConvBnRelu(Widths[0], Widths[1], 2), ConvBnRelu(Widths[1], Widths[1], 1));
        stage3 = nn.Sequential(ConvBnRelu(Widths[1], Widths[2], 2), ConvBnRelu(Widths[2], Widths[2], 1));
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override IReadOnlyList<int> Channels => Widths;

    /// <inheritdoc/>
    public override IReadOnlyList<int> Strides { get; } = [4, 8, 16];

    /// <inheritdoc/>
    public override Tensor[] forward(Tensor input)
    {
        var c1 = stem.call(input);
        var c2 = stage2.call(c1);
        var c3 = stage3.call(c2);
        return [c1, c2, c3];
    }

    private static Sequential ConvBnRelu(int input, int output, int stride) => nn.Sequential(
        nn.Conv2d(input, output, 3, stride: stride, padding: 1, bias: false),
        nn.BatchNorm2d(output),
        nn.ReLU());
}
