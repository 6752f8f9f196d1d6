using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Audio;

/// <summary>
/// The VGGish audio network (torchvggish layout): log-mel examples [N, 1, 96, 64] -> embeddings [N, 128], one per
/// 0.96 s. Parameters are named as in the torchvggish state dict (features.0.weight ... embeddings.4.bias), so
/// published weights load by name with <see cref="VggishWeights.LoadStateDict"/>.
/// </summary>
/// <remarks>
/// torchvggish's optional PCA/quantisation post-processor (pproc: _pca_matrix, _pca_means) is not part of this
/// module: our embeddings are the ReLU outputs of the last FC layer, which is what its un-postprocessed mode gives.
/// </remarks>
public sealed class Vggish : nn.Module<Tensor, Tensor>
{
    /// <summary>Size of one embedding.</summary>
    public const int EmbeddingSize = 128;

    /// <summary>Spatial size after the four 2×2 max-pools: 96 frames / 16 by 64 bands / 16.</summary>
    internal const int PooledHeight = 6;

    /// <summary>See <see cref="PooledHeight"/>.</summary>
    internal const int PooledWidth = 4;

    private readonly Sequential features;
    private readonly Sequential embeddings;

    /// <summary>Builds the network for <paramref name="preset"/> with PyTorch's default initialisation.</summary>
    public Vggish(VggishPreset preset)
        : base(nameof(Vggish))
    {
        ArgumentNullException.ThrowIfNull(preset);
        preset.Validate();
        Preset = preset;
        features = VggishLayers.Features(preset.ConvChannels);
        embeddings = VggishLayers.Embeddings(preset.ConvChannels[^1] * PooledHeight * PooledWidth, preset.FcSizes);
        RegisterComponents();
    }

    /// <summary>The widths this network was built with.</summary>
    public VggishPreset Preset { get; }

    /// <summary>Number of time-frequency positions of the map: <see cref="PooledHeight"/> x <see cref="PooledWidth"/>.</summary>
    public const int MapPositions = PooledHeight * PooledWidth;

    /// <summary>Channels of one map position (the last conv layer's width).</summary>
    public int MapChannels => Preset.ConvChannels[^1];

    /// <summary>Width of one <see cref="Map"/> row: <see cref="MapPositions"/> x <see cref="MapChannels"/>.</summary>
    public int MapWidth => MapPositions * MapChannels;

    /// <summary>Embeds log-mel examples [N, 1, 96, 64] (or [N, 96, 64]) into [N, 128].</summary>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        return embeddings.call(Map(input)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The time-frequency map the embedding is computed from: the last pooled conv features of log-mel examples
    /// [N, 1, 96, 64] as [N, <see cref="MapWidth"/>], position-major (6 time steps of 160 ms x 4 frequency bands, then
    /// the channels), which is also the flatten order of torchvggish's first FC layer.
    /// </summary>
    public Tensor Map(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        var x = input.dim() == 3 ? input.unsqueeze(1) : input;
        x = features.call(x);

        // torchvggish flattens in TensorFlow's NHWC order; the first FC weights depend on it.
        return x.permute(0, 2, 3, 1).contiguous().flatten(1).MoveToOuterDisposeScope();
    }
}
