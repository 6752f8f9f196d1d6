using Onnx;
using static TorchSharp.torch;

namespace SegPref.Inference.Export.Graph;

/// <summary>
/// Per-layer emitters: each writes the eval-mode forward of one TorchSharp layer, reading its weights from a
/// <see cref="ModuleWeights"/> view scoped at that layer (e.g. "trunk.pixel_decoder.lateral_convs.0").
/// </summary>
public sealed class Layers(Ops ops)
{
    private const float NormEpsilon = 1e-5f;

    // A module called several times (the mask head runs after every decoder layer) must not store its weights twice.
    private readonly Dictionary<string, string> _weights = new(StringComparer.Ordinal);

    /// <summary>The operator helpers (and through them the graph).</summary>
    public Ops Ops { get; } = ops ?? throw new ArgumentNullException(nameof(ops));

    private GraphBuilder G => Ops.Graph;

    /// <summary>nn.Linear over the last axis: x W^T + b (W stored transposed, so any leading axes broadcast).</summary>
    public string Linear(ModuleWeights w, string x)
    {
        ArgumentNullException.ThrowIfNull(w);
        var y = Ops.MatMul(x, Weight(w, "weight", "weight_t", t => t.t()));
        return w.Has("bias") ? Ops.Add(y, Weight(w, "bias")) : y;
    }

    /// <summary>nn.Conv2d (square kernel, symmetric padding, no dilation or groups).</summary>
    public string Conv2d(ModuleWeights w, string x, long stride, long padding)
    {
        ArgumentNullException.ThrowIfNull(w);
        var weight = w["weight"];
        var (kh, kw) = (weight.shape[2], weight.shape[3]);
        var inputs = new List<string> { x, Weight(w, "weight") };
        if (w.Has("bias"))
        {
            inputs.Add(Weight(w, "bias"));
        }

        return G.Node("Conv", [.. inputs], ("kernel_shape", new[] { kh, kw }), ("strides", new[] { stride, stride }), ("pads", new[] { padding, padding, padding, padding }));
    }

    /// <summary>nn.BatchNorm2d in eval mode (running statistics, eps 1e-5).</summary>
    public string BatchNorm2d(ModuleWeights w, string x)
    {
        ArgumentNullException.ThrowIfNull(w);
        return G.Node(
            "BatchNormalization",
            [x, Weight(w, "weight"), Weight(w, "bias"), Weight(w, "running_mean"), Weight(w, "running_var")],
            ("epsilon", NormEpsilon));
    }

    /// <summary>nn.LayerNorm over the last axis (eps 1e-5).</summary>
    public string LayerNorm(ModuleWeights w, string x)
    {
        ArgumentNullException.ThrowIfNull(w);
        return G.Node("LayerNormalization", [x, Weight(w, "weight"), Weight(w, "bias")], ("axis", -1), ("epsilon", NormEpsilon));
    }

    /// <summary>
    /// nn.GroupNorm on [N,C,H,W] (eps 1e-5): InstanceNormalization over [N,groups,C/groups*H*W] gives the per-group
    /// statistics; the per-channel affine follows.
    /// </summary>
    public string GroupNorm(ModuleWeights w, string x, int groups)
    {
        ArgumentNullException.ThrowIfNull(w);
        var channels = w["weight"].shape[0];
        var grouped = Ops.Reshape(x, 0, groups, -1);
        var ones = G.Initializer("gn_ones", Enumerable.Repeat(1f, groups).ToArray(), groups);
        var zeros = G.Initializer("gn_zeros", new float[groups], groups);
        var normed = G.Node("InstanceNormalization", [grouped, ones, zeros], ("epsilon", NormEpsilon));
        var back = G.Node("Reshape", [normed, Ops.Shape(x)]);
        var scale = Weight(w, "weight", "weight_c11", t => t.reshape(channels, 1, 1));
        var shift = Weight(w, "bias", "bias_c11", t => t.reshape(channels, 1, 1));
        return Ops.Add(Ops.Mul(back, scale), shift);
    }

    /// <summary>nn.MaxPool2d with a square kernel.</summary>
    public string MaxPool2d(string x, long kernel, long stride, long padding) =>
        G.Node("MaxPool", [x], ("kernel_shape", new[] { kernel, kernel }), ("strides", new[] { stride, stride }), ("pads", new[] { padding, padding, padding, padding }));

    /// <summary>nn.Embedding's weight as a constant [rows, d] (for learned queries and level embeddings).</summary>
    public string Table(ModuleWeights w) => Weight(w ?? throw new ArgumentNullException(nameof(w)), "weight");

    /// <summary>Row <paramref name="row"/> of an nn.Embedding's weight as a constant [d].</summary>
    public string TableRow(ModuleWeights w, long row)
    {
        ArgumentNullException.ThrowIfNull(w);
        return Weight(w, "weight", $"weight_{row}", t => t[row]);
    }

    /// <summary>A float tensor of the module (parameter or buffer) as an initializer.</summary>
    public string Constant(ModuleWeights w, string name) => Weight(w ?? throw new ArgumentNullException(nameof(w)), name);

    /// <summary>Cast to float32.</summary>
    public string ToFloat(string x) => Ops.Cast(x, TensorProto.Types.DataType.Float);

    /// <summary>A computed TorchSharp tensor (not a module weight) as an initializer.</summary>
    public string Computed(string hint, Tensor value) => G.Initializer(hint, value);

    private string Weight(ModuleWeights w, string name, string? derived = null, Func<Tensor, Tensor>? transform = null)
    {
        var hint = w.Hint(derived ?? name);
        if (!_weights.TryGetValue(hint, out var value))
        {
            if (transform is null)
            {
                value = G.Initializer(hint, w[name]);
            }
            else
            {
                using var t = transform(w[name]);
                value = G.Initializer(hint, t);
            }

            _weights[hint] = value;
        }

        return value;
    }
}
