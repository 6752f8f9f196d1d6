using System.Text.Json;
using SegPref.Models.Segmentation;
using SegPref.Models.Segmentation.Training;

namespace SegPref.Inference.Export.Runs;

/// <summary>
/// A `segpref train` run folder as the exporter sees it: the model rebuilt by <see cref="SegmenterRun"/> (segmenter.json +
/// weights.bin, the best val checkpoint) plus the numeric final figures of metrics.json, copied into the repository.
/// </summary>
public static class SegmenterRunFolder
{
    /// <summary>Whether <paramref name="dir"/> looks like a segmenter run.</summary>
    public static bool IsRun(string dir) => File.Exists(Path.Combine(dir, SegmenterRun.ConfigFile));

    /// <summary>Loads the run in <paramref name="dir"/> (eval mode) with its final figures.</summary>
    /// <exception cref="FileNotFoundException">segmenter.json or weights.bin is missing.</exception>
    /// <exception cref="InvalidDataException">Malformed files or weights that do not fit segmenter.json.</exception>
    public static (Segmenter Model, SegmenterRunConfig Config, IReadOnlyDictionary<string, double> Metrics) Load(string dir)
    {
        ArgumentException.ThrowIfNullOrEmpty(dir);
        var (model, config) = SegmenterRun.Load(dir);
        return (model, config, FinalMetrics(Path.Combine(dir, "metrics.json")));
    }

    /// <summary>Saves a live <paramref name="model"/> as a run folder (tests and tools that make runs without training).</summary>
    public static void Save(Segmenter model, string dir, IReadOnlyDictionary<string, double>? metrics = null, string? command = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var none = new EncoderRecord("", "", "", "", null, null);
        var kind = model is TesoSegmenter ? "teso" : "audio-only";
        SegmenterRun.WriteConfig(dir, new SegmenterRunConfig(kind, model.Options, new SegmentationTrainingOptions(), "ground-truth", none, "", command ?? ""));
        model.save(Path.Combine(dir, SegmenterRun.WeightsFile));
        if (metrics is not null)
        {
            File.WriteAllText(Path.Combine(dir, "metrics.json"), JsonSerializer.Serialize(new { final = metrics }));
        }
    }

    private static Dictionary<string, double> FinalMetrics(string path)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            if (doc.RootElement.TryGetProperty("final", out var final) && final.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in final.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
                {
                    result[p.Name] = p.Value.GetDouble();
                }
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }

        return result;
    }
}
