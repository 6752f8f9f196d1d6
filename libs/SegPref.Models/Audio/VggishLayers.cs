using System.Globalization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Audio;

/// <summary>The two nn.Sequential stacks of VGGish with torchvggish's indices (ReLU and MaxPool take indices too).</summary>
internal static class VggishLayers
{
    /// <summary>conv, ReLU, pool, conv, ReLU, pool, conv, ReLU, conv, ReLU, pool, conv, ReLU, conv, ReLU, pool.</summary>
    public static Sequential Features(IReadOnlyList<int> channels)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var input = 1;
        for (var i = 0; i < channels.Count; i++)
        {
            var conv = nn.Conv2d(input, channels[i], 3, padding: 1);
            HeInit(conv.weight!, conv.bias!, nn.init.FanInOut.FanOut);
            Append(layers, conv);
            Append(layers, nn.ReLU());
            if (i is 0 or 1 or 3 or 5)
            {
                Append(layers, nn.MaxPool2d(2, 2));
            }

            input = channels[i];
        }

        return nn.Sequential(layers);
    }

    /// <summary>Linear, ReLU, Linear, ReLU, Linear, ReLU (the embedding keeps its ReLU, as in VGGish).</summary>
    public static Sequential Embeddings(int inputSize, IReadOnlyList<int> sizes)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var input = inputSize;
        foreach (var size in sizes)
        {
            var linear = nn.Linear(input, size);
            HeInit(linear.weight!, linear.bias!, nn.init.FanInOut.FanIn);
            Append(layers, linear);
            Append(layers, nn.ReLU());
            input = size;
        }

        return nn.Sequential(layers);
    }

    // PyTorch's default (kaiming-uniform with a = sqrt(5)) shrinks activations through nine ReLU layers and
    // VGGish has no batch norm, so training from scratch stalls; He-normal keeps the scale (as torchvision's VGG).
    private static void HeInit(Tensor weight, Tensor bias, nn.init.FanInOut mode)
    {
        using var noGrad = no_grad();
        nn.init.kaiming_normal_(weight, mode: mode, nonlinearity: nn.init.NonlinearityType.ReLU);
        nn.init.zeros_(bias);
    }

    // The position is the checkpoint key segment, as in PyTorch's nn.Sequential.
    private static void Append(List<(string, nn.Module<Tensor, Tensor>)> layers, nn.Module<Tensor, Tensor> layer) =>
        layers.Add((layers.Count.ToString(CultureInfo.InvariantCulture), layer));
}
