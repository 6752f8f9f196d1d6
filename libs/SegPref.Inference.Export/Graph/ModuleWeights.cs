using static TorchSharp.torch;

namespace SegPref.Inference.Export.Graph;

/// <summary>
/// A TorchSharp module's parameters and buffers by their state-dict names ("trunk.pixel_decoder.mask_features.weight"),
/// seen through a prefix, so per-layer emitters read the weights of exactly the submodule they mirror.
/// </summary>
public sealed class ModuleWeights
{
    private readonly IReadOnlyDictionary<string, Tensor> _all;
    private readonly string _prefix;

    /// <summary>Reads the state dict of <paramref name="module"/>.</summary>
    public ModuleWeights(nn.Module module)
        : this(module?.state_dict() ?? throw new ArgumentNullException(nameof(module)), string.Empty)
    {
    }

    private ModuleWeights(IReadOnlyDictionary<string, Tensor> all, string prefix) => (_all, _prefix) = (all, prefix);

    /// <summary>The prefix of this view ("" at the root).</summary>
    public string Prefix => _prefix;

    /// <summary>The tensor called <paramref name="name"/> under this view's prefix.</summary>
    /// <exception cref="InvalidOperationException">No such parameter or buffer: the exporter and the module disagree.</exception>
    public Tensor this[string name] => _all.TryGetValue(Key(name), out var t)
        ? t
        : throw new InvalidOperationException($"The module has no parameter or buffer '{Key(name)}': the exporter does not match this module version.");

    /// <summary>Whether <paramref name="name"/> exists under this prefix (optional biases).</summary>
    public bool Has(string name) => _all.ContainsKey(Key(name));

    /// <summary>A view of the submodule <paramref name="name"/> (dotted path allowed).</summary>
    public ModuleWeights Scope(string name) => new(_all, Key(name));

    /// <summary>Initializer name hint for <paramref name="name"/>: the state-dict key with dots as underscores.</summary>
    public string Hint(string name) => Key(name).Replace('.', '_');

    private string Key(string name) => _prefix.Length == 0 ? name : $"{_prefix}.{name}";
}
