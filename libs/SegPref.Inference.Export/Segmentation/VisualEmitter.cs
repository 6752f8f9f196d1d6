using SegPref.Inference.Export.Graph;
using SegPref.Models.Segmentation;

namespace SegPref.Inference.Export.Segmentation;

/// <summary>Writes the visual encoders (<see cref="SmallCnnEncoder"/>, <see cref="ResNet50Encoder"/>) in eval mode.</summary>
internal sealed class VisualEmitter(Layers layers)
{
    private static readonly int[] ResNetBlocks = [3, 4, 6, 3];

    private Ops Ops => layers.Ops;

    /// <summary>Multi-scale features, finest first, of the encoder whose weights are <paramref name="w"/>.</summary>
    public string[] Encode(VisualBackbone backbone, ModuleWeights w, string frames) => backbone switch
    {
        VisualBackbone.Small => Small(w, frames),
        VisualBackbone.ResNet50 => ResNet50(w, frames),
        _ => throw new ArgumentException($"No exporter for visual backbone {backbone}.", nameof(backbone)),
    };

    private string[] Small(ModuleWeights w, string x)
    {
        // Stride per conv of each stage, as SmallCnnEncoder builds them.
        var c1 = Stage(w.Scope("stem"), x, [2, 2, 1]);
        var c2 = Stage(w.Scope("stage2"), c1, [2, 1]);
        var c3 = Stage(w.Scope("stage3"), c2, [2, 1]);
        return [c1, c2, c3];
    }

    private string Stage(ModuleWeights w, string x, int[] strides)
    {
        for (var i = 0; i < strides.Length; i++)
        {
            var block = w.Scope(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            x = Ops.Relu(layers.BatchNorm2d(block.Scope("1"), layers.Conv2d(block.Scope("0"), x, strides[i], 1)));
        }

        return x;
    }

    private string[] ResNet50(ModuleWeights w, string input)
    {
        var x = Ops.Relu(layers.BatchNorm2d(w.Scope("bn1"), layers.Conv2d(w.Scope("conv1"), input, 2, 3)));
        x = layers.MaxPool2d(x, 3, 2, 1);
        var outputs = new string[ResNetBlocks.Length];
        for (var l = 0; l < ResNetBlocks.Length; l++)
        {
            for (var b = 0; b < ResNetBlocks[l]; b++)
            {
                var stride = b == 0 && l > 0 ? 2 : 1;
                x = Bottleneck(w.Scope($"layer{l + 1}.{b}"), x, stride);
            }

            outputs[l] = x;
        }

        return outputs;
    }

    private string Bottleneck(ModuleWeights w, string input, int stride)
    {
        var x = Ops.Relu(layers.BatchNorm2d(w.Scope("bn1"), layers.Conv2d(w.Scope("conv1"), input, 1, 0)));
        x = Ops.Relu(layers.BatchNorm2d(w.Scope("bn2"), layers.Conv2d(w.Scope("conv2"), x, stride, 1)));
        x = layers.BatchNorm2d(w.Scope("bn3"), layers.Conv2d(w.Scope("conv3"), x, 1, 0));
        var identity = w.Has("downsample.0.weight")
            ? layers.BatchNorm2d(w.Scope("downsample.1"), layers.Conv2d(w.Scope("downsample.0"), input, stride, 0))
            : input;
        return Ops.Relu(Ops.Add(x, identity));
    }
}
