using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// torchvision's ResNet-50 trunk without its classifier (conv1, bn1, layer1..layer4 with Bottleneck blocks and
/// downsample.0/1), returning layer1..layer4 outputs (strides 4/8/16/32, 256/512/1024/2048 channels). Parameter
/// names equal torchvision's, so an ImageNet state dict loads by key (<see cref="ResNetWeights"/>).
/// </summary>
public sealed class ResNet50Encoder : VisualEncoder
{
    private static readonly int[] Blocks = [3, 4, 6, 3];
    private static readonly int[] Widths = [64, 128, 256, 512];

    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly MaxPool2d maxpool;
    private readonly Sequential layer1;
    private readonly Sequential layer2;
    private readonly Sequential layer3;
    private readonly Sequential layer4;

    /// <summary>Creates the trunk with randomly initialised weights.</summary>
    public ResNet50Encoder()
        : base(nameof(ResNet50Encoder))
    {
        conv1 = nn.Conv2d(3, 64, 7, stride: 2, padding: 3, bias: false);
        bn1 = nn.BatchNorm2d(64);
        maxpool = nn.MaxPool2d(3, stride: 2, padding: 1);
        var input = 64;
        layer1 = Layer(ref input, 0, 1);
        layer2 = Layer(ref input, 1, 2);
        layer3 = Layer(ref input, 2, 2);
        layer4 = Layer(ref input, 3, 2);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override IReadOnlyList<int> Channels { get; } = [256, 512, 1024, 2048];

    /// <inheritdoc/>
    public override IReadOnlyList<int> Strides { get; } = [4, 8, 16, 32];

    /// <inheritdoc/>
    public override Tensor[] forward(Tensor input)
    {
        var x = maxpool.call(nn.functional.relu(bn1.call(conv1.call(input))));
        var c1 = layer1.call(x);
        var c2 = layer2.call(c1);
        var c3 = layer3.call(c2);
        return [c1, c2, c3, layer4.call(c3)];
    }

    private static Sequential Layer(ref int input, int index, int stride)
    {
        var blocks = new List<nn.Module<Tensor, Tensor>>();
        for (var b = 0; b < Blocks[index]; b++)
        {
            blocks.Add(new ResNetBottleneck(input, Widths[index], b == 0 ? stride : 1));
            input = Widths[index] * 4;
        }

        return nn.Sequential(blocks.ToArray());
    }
}
