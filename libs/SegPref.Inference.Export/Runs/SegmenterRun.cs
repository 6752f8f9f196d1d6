using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using SegPref.Models.Segmentation;
using SegPref.Models.Torch;

namespace SegPref.Inference.Export.Runs;

/// <summary>Reads and writes segmenter run folders: segmenter.json + weights.bin.</summary>
public static class SegmenterRun
{
    /// <summary>Weights file inside a run folder (TorchSharp module.save).</summary>
    public const string WeightsFile = "weights.bin";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// <summary>Whether <paramref name="dir"/> looks like a segmenter run.</summary>
    public static bool IsRun(string dir) => File.Exists(Path.Combine(dir, SegmenterRunFile.FileName));

    /// <summary>Saves <paramref name="model"/> as a run folder (for tests and tools that make runs from live modules).</summary>
    public static void Save(Segmenter model, string dir, IReadOnlyDictionary<string, double>? metrics = null, string? command = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Directory.CreateDirectory(dir);
        var file = new SegmenterRunFile
        {
            Kind = model is TesoSegmenter ? "teso" : "audio-only",
            Options = model.Options,
            Metrics = metrics ?? new Dictionary<string, double>(),
            Command = command,
        };
        File.WriteAllText(Path.Combine(dir, SegmenterRunFile.FileName), JsonSerializer.Serialize(file, Json));
        model.save(Path.Combine(dir, WeightsFile));
    }

    /// <summary>Loads the run in <paramref name="dir"/> in eval mode.</summary>
    /// <exception cref="FileNotFoundException">segmenter.json or weights.bin is missing.</exception>
    /// <exception cref="InvalidDataException">Malformed segmenter.json or weights that do not match it.</exception>
    public static (Segmenter Model, SegmenterRunFile File) Load(string dir)
    {
        ArgumentException.ThrowIfNullOrEmpty(dir);
        var path = Path.Combine(dir, SegmenterRunFile.FileName);
        var weights = Path.Combine(dir, WeightsFile);
        foreach (var needed in new[] { path, weights })
        {
            if (!File.Exists(needed))
            {
                throw new FileNotFoundException($"{needed}: not found (a segmenter run folder holds {SegmenterRunFile.FileName} and {WeightsFile}).", needed);
            }
        }

        SegmenterRunFile file;
        Segmenter model;
        try
        {
            file = JsonSerializer.Deserialize<SegmenterRunFile>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: empty document.");
            TorchRuntime.EnsureInitialized();
            model = Segmenter.Create(file.Kind, file.Options);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or NullReferenceException)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }

        try
        {
            model.load(weights, strict: true);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or ExternalException)
        {
            model.Dispose();
            throw new InvalidDataException($"{weights}: does not match {SegmenterRunFile.FileName} ({file.Kind}, {file.Options}): {ex.Message}", ex);
        }

        model.eval();
        return (model, file);
    }
}
