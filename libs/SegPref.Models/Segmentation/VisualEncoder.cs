using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>A visual encoder that returns multi-scale feature maps, finest first ([B,C_i,H/s_i,W/s_i]).</summary>
public abstract class VisualEncoder(string name) : nn.Module<Tensor, Tensor[]>(name)
{
    /// <summary>Channels of each returned feature map, finest first.</summary>
    public abstract IReadOnlyList<int> Channels { get; }

    /// <summary>Stride of each returned feature map relative to the input, finest first.</summary>
    public abstract IReadOnlyList<int> Strides { get; }

    /// <summary>Builds the encoder <paramref name="backbone"/> names.</summary>
    public static VisualEncoder Create(VisualBackbone backbone) => backbone switch
    {
        VisualBackbone.Small => new SmallCnnEncoder(),
        VisualBackbone.ResNet50 => new ResNet50Encoder(),
        _ => throw new ArgumentException($"Unknown visual backbone {backbone}.", nameof(backbone)),
    };
}
