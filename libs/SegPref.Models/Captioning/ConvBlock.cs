using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>Conv 3x3 stride 2 + BN + ReLU (halves the resolution), optionally followed by conv 3x3 + BN + ReLU.</summary>
internal sealed class ConvBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d? conv2;
    private readonly BatchNorm2d? bn2;

    public ConvBlock(string name, int inChannels, int outChannels, bool second)
        : base(name)
    {
        conv1 = nn.Conv2d(inChannels, outChannels, 3, stride: 2, padding: 1, bias: false);
        bn1 = nn.BatchNorm2d(outChannels);
        if (second)
        {
            conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
            bn2 = nn.BatchNorm2d(outChannels);
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = nn.functional.relu(bn1.call(conv1.call(input)));
        if (conv2 is null || bn2 is null)
        {
            return x;
        }

        using (x)
        {
            return nn.functional.relu(bn2.call(conv2.call(x)));
        }
    }
}
