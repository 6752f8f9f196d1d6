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
            Append(layers, nn.Conv2d(input, channels[i], 3, padding: 1));
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
            Append(layers, nn.Linear(input, size));
            Append(layers, nn.ReLU());
            input = size;
        }

        return nn.Sequential(layers);
    }

    // The position is the checkpoint key segment, as in PyTorch's nn.Sequential.
    private static void Append(List<(string, nn.Module<Tensor, Tensor>)> layers, nn.Module<Tensor, Tensor> layer) =>
        layers.Add((layers.Count.ToString(CultureInfo.InvariantCulture), layer));
}
