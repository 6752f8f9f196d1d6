using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegPref.Models.Training;

/// <summary>
/// state.json of a run folder: where an interrupted run resumes (after the last completed epoch), which epoch
/// weights.bin holds, and the per-epoch history. Written after every epoch, after last.bin and optimizer.bin. The
/// names are those segmentation runs used before the loop was shared, so their state files still resume.
/// </summary>
/// <typeparam name="TScores">The trainer's validation scores, kept for the best epoch.</typeparam>
internal sealed class TrainingState<TScores>
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Completed epochs.</summary>
    [JsonPropertyName("epochs_done")]
    public int EpochsDone { get; set; }

    /// <summary>Optimisation steps so far.</summary>
    [JsonPropertyName("steps")]
    public long Steps { get; set; }

    /// <summary>The epoch whose weights the best checkpoint holds (0 = none yet).</summary>
    [JsonPropertyName("best_epoch")]
    public int BestEpoch { get; set; }

    /// <summary>Its validation scores.</summary>
    [JsonPropertyName("best_val")]
    public TScores? BestVal { get; set; }

    /// <summary>One row of metrics per completed epoch, in order; each has "epoch".</summary>
    [JsonPropertyName("history")]
    public List<Dictionary<string, double>> History { get; set; } = [];

    /// <summary>The history row of <see cref="BestEpoch"/> (null before the first epoch).</summary>
    public Dictionary<string, double>? BestRow() => History.LastOrDefault(r => r.TryGetValue("epoch", out var e) && (int)e == BestEpoch);

    /// <summary>Reads state.json, or null when the run folder has none.</summary>
    /// <exception cref="InvalidDataException">The file is malformed.</exception>
    public static TrainingState<TScores>? TryRead(string runDir)
    {
        var path = Path.Combine(runDir, TrainingRunFolder.StateFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TrainingState<TScores>>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path}: empty training state.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: malformed training state: {ex.Message}", ex);
        }
    }

    /// <summary>The file's text (written by the checkpoint, which renames it into place).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
