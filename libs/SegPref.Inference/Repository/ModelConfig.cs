using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegPref.Inference.Repository;

/// <summary>
/// The config.json of a repository entry models/&lt;name&gt;/&lt;version&gt;/ (schema in docs/serving-models.md):
/// what the files are, the graph's inputs and outputs, preprocessing, metrics and provenance.
/// </summary>
public sealed record ModelConfig
{
    /// <summary>File name inside an entry folder.</summary>
    public const string FileName = "config.json";

    /// <summary>Key of the ONNX graph in <see cref="Files"/>.</summary>
    public const string ModelFile = "model";

    /// <summary>Key of the vocabulary (JSON array of words) in <see cref="Files"/>.</summary>
    public const string VocabularyFile = "vocabulary";

    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Model name (the parent folder's name).</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>Version (the entry folder's name).</summary>
    [JsonPropertyName("version")] public required string Version { get; init; }

    /// <summary>One of <see cref="ModelKinds.All"/>.</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }

    /// <summary>The architecture inside the kind: teso, audio-only, vggish, cue-mlp, ...</summary>
    [JsonPropertyName("architecture")] public string Architecture { get; init; } = string.Empty;

    /// <summary>Always "onnx".</summary>
    [JsonPropertyName("format")] public string Format { get; init; } = "onnx";

    /// <summary>ONNX opset of the graphs.</summary>
    [JsonPropertyName("opset")] public int Opset { get; init; }

    /// <summary>Role -> file name inside the entry folder ("model": "model.onnx", "vocabulary": "vocab.json").</summary>
    [JsonPropertyName("files")] public required IReadOnlyDictionary<string, string> Files { get; init; }

    /// <summary>Graph inputs.</summary>
    [JsonPropertyName("inputs")] public required IReadOnlyList<TensorSpec> Inputs { get; init; }

    /// <summary>Graph outputs.</summary>
    [JsonPropertyName("outputs")] public required IReadOnlyList<TensorSpec> Outputs { get; init; }

    /// <summary>Concurrent runs of this model in one process (Triton's instance_group count); null = the kind's default.</summary>
    [JsonPropertyName("instance_count")] public int? InstanceCount { get; init; }

    /// <summary>Most rows (axis 0) one run takes when requests are batched (Triton's max_batch_size); null = the kind's default.</summary>
    [JsonPropertyName("max_batch_size")] public int? MaxBatchSize { get; init; }

    /// <summary>Dynamic batching (Triton's dynamic_batching block); null = the kind's default.</summary>
    [JsonPropertyName("dynamic_batching")] public DynamicBatchingConfig? DynamicBatching { get; init; }

    /// <summary>Extra graphs by their role in <see cref="Files"/> (e.g. "decoder"); <see cref="Inputs"/>/<see cref="Outputs"/> describe the "model" graph.</summary>
    [JsonPropertyName("graphs")] public IReadOnlyDictionary<string, GraphSpec> Graphs { get; init; } = new Dictionary<string, GraphSpec>();

    /// <summary>What callers do before the graph.</summary>
    [JsonPropertyName("preprocessing")] public ModelPreprocessing Preprocessing { get; init; } = new();

    /// <summary>Scores the model reached (e.g. test_miou), from the run.</summary>
    [JsonPropertyName("metrics")] public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Free-form sizes of the source model (e.g. the SegmenterOptions), for people and rebuilds.</summary>
    [JsonPropertyName("model")] public JsonElement? ModelDetails { get; init; }

    /// <summary>Provenance.</summary>
    [JsonPropertyName("source")] public ModelSource? Source { get; init; }

    /// <summary>Reads and validates the config.json of the entry folder <paramref name="dir"/>.</summary>
    /// <exception cref="InvalidDataException">Missing or malformed config.json, a missing field or a listed file that does not exist.</exception>
    public static ModelConfig Read(string dir)
    {
        ArgumentException.ThrowIfNullOrEmpty(dir);
        var path = Path.Combine(dir, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: not found (every model version folder needs a config.json).");
        }

        ModelConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<ModelConfig>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: malformed config.json: {ex.Message}", ex);
        }

        if (config is null)
        {
            throw new InvalidDataException($"{path}: empty config.json.");
        }

        var problem = config.Problem(dir);
        return problem is null ? config : throw new InvalidDataException($"{path}: {problem}.");
    }

    /// <summary>Writes this config as <paramref name="dir"/>/config.json.</summary>
    public void Write(string dir)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, FileName), JsonSerializer.Serialize(this, Json) + "\n");
    }

    /// <summary>The full path of the file with role <paramref name="role"/>.</summary>
    /// <exception cref="InvalidDataException">The config lists no such file.</exception>
    public string FilePath(string dir, string role) => Files.TryGetValue(role, out var file)
        ? Path.Combine(dir, file)
        : throw new InvalidDataException($"{Path.Combine(dir, FileName)}: field 'files.{role}' is missing.");

    /// <summary>The input called <paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">No such input.</exception>
    public TensorSpec Input(string name) => Inputs.FirstOrDefault(i => i.Name == name)
        ?? throw new InvalidDataException($"{Name}/{Version} config.json: no input '{name}' (has {string.Join(", ", Inputs.Select(i => i.Name))}).");

    /// <summary>The output called <paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">No such output.</exception>
    public TensorSpec Output(string name) => Outputs.FirstOrDefault(i => i.Name == name)
        ?? throw new InvalidDataException($"{Name}/{Version} config.json: no output '{name}' (has {string.Join(", ", Outputs.Select(i => i.Name))}).");

    private string? Problem(string dir)
    {
        if (string.IsNullOrWhiteSpace(Name) || string.IsNullOrWhiteSpace(Version))
        {
            return "fields 'name' and 'version' are required";
        }

        if (!ModelKinds.All.Contains(Kind))
        {
            return $"field 'kind' is '{Kind}', expected one of {string.Join(", ", ModelKinds.All)}";
        }

        if (Format != "onnx")
        {
            return $"field 'format' is '{Format}', only 'onnx' is served";
        }

        if (Files is null || !Files.ContainsKey(ModelFile))
        {
            return $"field 'files.{ModelFile}' is required";
        }

        foreach (var (role, file) in Files)
        {
            if (string.IsNullOrWhiteSpace(file) || Path.IsPathRooted(file) || file.Contains("..", StringComparison.Ordinal))
            {
                return $"field 'files.{role}' must be a file name inside the entry folder, got '{file}'";
            }

            if (!File.Exists(Path.Combine(dir, file)))
            {
                return $"files.{role} = '{file}' does not exist in {dir}";
            }
        }

        if (InstanceCount is < 1 || MaxBatchSize is < 1 || DynamicBatching?.MaxQueueDelayMicroseconds is < 0 || DynamicBatching?.MaxQueueSize is < 0)
        {
            return "instance_count and max_batch_size must be at least 1, dynamic_batching.max_queue_delay_microseconds and max_queue_size at least 0";
        }

        foreach (var (role, graph) in Graphs ?? new Dictionary<string, GraphSpec>())
        {
            if (!Files.ContainsKey(role))
            {
                return $"graphs.{role} has no file: add 'files.{role}'";
            }

            var problem = TensorProblem($"graphs.{role}.inputs", graph?.Inputs) ?? TensorProblem($"graphs.{role}.outputs", graph?.Outputs);
            if (problem is not null)
            {
                return problem;
            }
        }

        return TensorProblem("inputs", Inputs) ?? TensorProblem("outputs", Outputs);
    }

    private static string? TensorProblem(string field, IReadOnlyList<TensorSpec>? specs)
    {
        if (specs is null || specs.Count == 0)
        {
            return $"field '{field}' must list at least one tensor";
        }

        for (var i = 0; i < specs.Count; i++)
        {
            var s = specs[i];
            if (string.IsNullOrWhiteSpace(s?.Name) || !TensorSpec.Dtypes.Contains(s.Dtype) || s.Shape is null || s.Shape.Any(d => d == 0 || d < -1))
            {
                return $"{field}[{i}] ({s}) needs a name, a dtype among {string.Join("/", TensorSpec.Dtypes)} and a shape of positive sizes or -1";
            }
        }

        return null;
    }
}
