using System.Runtime.InteropServices;
using SegPref.Cues;
using SegPref.Models.Torch;
using static TorchSharp.torch;

namespace SegPref.Models.Cues;

/// <summary>A trained cue encoder loaded from a train-cues run folder, frozen (eval mode, no gradients). Not thread-safe.</summary>
public sealed class CueEncoderRun : IDisposable
{
    /// <summary>Weights file inside a run folder (TorchSharp format).</summary>
    public const string WeightsFile = "weights.bin";

    private CueEncoderRun(CueEncoder model, CueEncoderConfig config)
    {
        Model = model;
        Config = config;
        Vocabulary = new CueVocabulary(config.Vocabulary);
        Model.eval();
        foreach (var parameter in Model.parameters())
        {
            parameter.requires_grad = false;
        }
    }

    /// <summary>How the run was trained.</summary>
    public CueEncoderConfig Config { get; }

    /// <summary>The trained words.</summary>
    public CueVocabulary Vocabulary { get; }

    /// <summary>The frozen module, for callers that compose it into their own graph.</summary>
    public CueEncoder Model { get; }

    /// <summary>Loads config.json and weights.bin from <paramref name="runDir"/>.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">The files are malformed or do not match each other.</exception>
    public static CueEncoderRun Load(string runDir)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDir);
        var config = CueEncoderConfig.Read(runDir);
        var weights = Path.Combine(runDir, WeightsFile);
        if (!File.Exists(weights))
        {
            throw new FileNotFoundException($"{weights}: cue encoder weights not found.", weights);
        }

        TorchRuntime.EnsureInitialized();
        CueEncoder model;
        try
        {
            _ = new CueVocabulary(config.Vocabulary);
            model = new CueEncoder(config.Vocabulary.Length, config.EmbeddingSize, config.HiddenSize, config.OutputSize);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{Path.Combine(runDir, CueEncoderConfig.FileName)}: {ex.Message}", ex);
        }

        try
        {
            model.load(weights, strict: true);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or ExternalException)
        {
            model.Dispose();
            throw new InvalidDataException(
                $"{weights}: does not match config.json ({config.Vocabulary.Length} words, sizes {config.EmbeddingSize}/{config.HiddenSize}/{config.OutputSize}): {ex.Message}", ex);
        }

        return new CueEncoderRun(model, config);
    }

    /// <summary>Saves <paramref name="model"/> and <paramref name="config"/> as a run folder that <see cref="Load"/> reads.</summary>
    public static void Save(CueEncoder model, CueEncoderConfig config, string runDir)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(config);
        config.Write(runDir);
        Training.WeightsFile.Save(model, Path.Combine(runDir, WeightsFile));
    }

    /// <summary>
    /// Encodes frames of <see cref="CueSlots.Count"/> cue words: vectors [N, 4, D] (unit length for known words, zero for
    /// padding and unknown words) and validity [N, 4] (false exactly where the slot is "None", null or blank).
    /// </summary>
    /// <exception cref="ArgumentException">A frame does not have exactly 4 slots.</exception>
    public (float[,,] Vectors, bool[,] Valid) Encode(IReadOnlyList<string[]> cues4)
    {
        ArgumentNullException.ThrowIfNull(cues4);
        var ids = new long[cues4.Count * CueSlots.Count];
        var valid = new bool[cues4.Count, CueSlots.Count];
        for (var n = 0; n < cues4.Count; n++)
        {
            if (cues4[n] is not { Length: CueSlots.Count } frame)
            {
                throw new ArgumentException($"Frame {n} has {cues4[n]?.Length ?? 0} cue slots; every frame needs exactly {CueSlots.Count} (pad with \"{CueSlots.None}\").", nameof(cues4));
            }

            for (var s = 0; s < CueSlots.Count; s++)
            {
                var index = Vocabulary.IndexOf(frame[s]);
                ids[(n * CueSlots.Count) + s] = index;
                valid[n, s] = index != CueVocabulary.NoneIndex;
            }
        }

        var vectors = new float[cues4.Count, CueSlots.Count, Config.OutputSize];
        if (cues4.Count > 0)
        {
            using var noGrad = no_grad();
            using var input = tensor(ids, [cues4.Count, CueSlots.Count]);
            using var output = Model.call(input);
            var flat = output.data<float>().ToArray();
            Buffer.BlockCopy(flat, 0, vectors, 0, flat.Length * sizeof(float));
        }

        return (vectors, valid);
    }

    /// <summary>The vector of every vocabulary word, [V, D] row-major (the class texts of the retrieval scores).</summary>
    public float[] WordVectors() => Model.WordVectors();

    /// <inheritdoc />
    public void Dispose() => Model.Dispose();
}
