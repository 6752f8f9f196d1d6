using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SegPref.Inference.Abstractions;
using SegPref.Inference.Repository;

namespace SegPref.Inference.Onnx;

/// <summary>
/// One repository entry's graph in an ONNX Runtime session, checked against its config.json (input/output names,
/// dtypes, ranks and fixed sizes) and optionally warmed up. Thread-safe: concurrent runs share the session (what model instances are).
/// </summary>
public sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession _session;

    private OnnxModel(ModelEntry entry, InferenceSession session, string provider, GraphSpec spec)
    {
        Entry = entry;
        _session = session;
        Provider = provider;
        Spec = spec;
    }

    /// <summary>This graph's inputs and outputs as config.json declares them.</summary>
    public GraphSpec Spec { get; }

    /// <summary>The entry this model was loaded from.</summary>
    public ModelEntry Entry { get; }

    /// <summary>Its config.json.</summary>
    public ModelConfig Config => Entry.Config;

    /// <summary>Name and version.</summary>
    public ModelIdentity Identity => new(Config.Name, Config.Version);

    /// <summary>The execution provider that runs it ("CPU" or "CUDA").</summary>
    public string Provider { get; }

    /// <summary>Opens the entry's graph with role <paramref name="role"/> ("model", or one of config.json's "graphs").</summary>
    /// <exception cref="InvalidDataException">The graph does not load or does not match config.json.</exception>
    public static OnnxModel Open(ModelEntry entry, InferenceOptions options, string role = ModelConfig.ModelFile)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(options);
        var path = entry.Config.FilePath(entry.Dir, role);
        var spec = role == ModelConfig.ModelFile
            ? new GraphSpec(entry.Config.Inputs, entry.Config.Outputs)
            : entry.Config.Graphs.GetValueOrDefault(role) ?? throw new InvalidDataException($"{Path.Combine(entry.Dir, ModelConfig.FileName)}: field 'graphs.{role}' is missing.");
        var (session, provider) = SessionFactory.Create(path, options);
        try
        {
            Check(path, "input", spec.Inputs, session.InputMetadata);
            Check(path, "output", spec.Outputs, session.OutputMetadata);
            var model = new OnnxModel(entry, session, provider, spec);
            if (options.WarmUp)
            {
                model.WarmUp();
            }

            return model;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Runs the graph; the caller disposes the results.</summary>
    public IDisposableReadOnlyCollection<DisposableNamedOnnxValue> Run(IReadOnlyCollection<NamedOnnxValue> inputs) => _session.Run(inputs);

    /// <summary>
    /// Runs the graph on flat managed buffers: each input array is pinned and read in place, and each output is written
    /// straight into its pre-allocated array (no copies on either side).
    /// </summary>
    /// <param name="inputs">Input name, row-major data and shape.</param>
    /// <param name="outputs">Output name, destination array (exactly the output's size) and shape.</param>
    public void Run(IReadOnlyList<FlatTensor> inputs, IReadOnlyList<FlatTensor> outputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        var inputValues = new List<OrtValue>(inputs.Count);
        var outputValues = new List<OrtValue>(outputs.Count);
        try
        {
            inputValues.AddRange(inputs.Select(i => i.ToOrtValue()));
            outputValues.AddRange(outputs.Select(o => o.ToOrtValue()));
            using var options = new RunOptions();
            _session.Run(options, [.. inputs.Select(i => i.Name)], inputValues, [.. outputs.Select(o => o.Name)], outputValues);
        }
        finally
        {
            inputValues.ForEach(v => v.Dispose());
            outputValues.ForEach(v => v.Dispose());
        }
    }

    /// <summary>Runs the graph and copies the float output <paramref name="output"/>.</summary>
    public float[] RunFloat(IReadOnlyCollection<NamedOnnxValue> inputs, string output)
    {
        using var results = _session.Run(inputs, [output]);
        return results[0].AsTensor<float>().ToArray();
    }

    /// <inheritdoc/>
    public void Dispose() => _session.Dispose();

    private void WarmUp()
    {
        var inputs = Spec.Inputs.Select(ZeroInput).ToList();
        using var results = _session.Run(inputs);
    }

    private static NamedOnnxValue ZeroInput(TensorSpec spec)
    {
        var shape = spec.Shape.Select(d => d < 0 ? 1 : (int)d).ToArray();
        return spec.Dtype switch
        {
            "int64" => NamedOnnxValue.CreateFromTensor(spec.Name, new DenseTensor<long>(shape)),
            "bool" => NamedOnnxValue.CreateFromTensor(spec.Name, new DenseTensor<bool>(shape)),
            _ => NamedOnnxValue.CreateFromTensor(spec.Name, new DenseTensor<float>(shape)),
        };
    }

    private static void Check(string path, string what, IReadOnlyList<TensorSpec> specs, IReadOnlyDictionary<string, NodeMetadata> actual)
    {
        var declared = specs.Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
        var graph = actual.Keys.Order(StringComparer.Ordinal).ToList();
        if (!declared.SequenceEqual(graph, StringComparer.Ordinal))
        {
            throw new InvalidDataException($"{path}: the graph's {what}s are [{string.Join(", ", graph)}] but config.json declares [{string.Join(", ", declared)}].");
        }

        foreach (var spec in specs)
        {
            var meta = actual[spec.Name];
            var dtype = DtypeName(meta.ElementDataType);
            if (dtype != spec.Dtype)
            {
                throw new InvalidDataException($"{path}: {what} '{spec.Name}' is {dtype} in the graph but {spec.Dtype} in config.json.");
            }

            var dims = meta.Dimensions;
            var mismatch = dims.Length != spec.Shape.Count
                || dims.Zip(spec.Shape).Any(p => p.First > 0 && p.Second > 0 && p.First != p.Second);
            if (mismatch)
            {
                throw new InvalidDataException($"{path}: {what} '{spec.Name}' has shape [{string.Join(",", dims)}] in the graph but [{string.Join(",", spec.Shape)}] in config.json.");
            }
        }
    }

    private static string DtypeName(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Int64 => "int64",
        TensorElementType.Bool => "bool",
        _ => type.ToString().ToLowerInvariant(),
    };
}
