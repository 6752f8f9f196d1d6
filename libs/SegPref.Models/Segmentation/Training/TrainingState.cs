using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegPref.Models.Segmentation.Training;

/// <summary>state.json: where an interrupted run resumes (after the last completed epoch).</summary>
/// <param name="EpochsDone">Completed epochs.</param>
/// <param name="Steps">Optimisation steps so far.</param>
/// <param name="BestEpoch">Epoch of weights.bin (0 = none yet).</param>
/// <param name="BestMIoU">Its val mIoU.</param>
/// <param name="BestVal">Its val scores.</param>
/// <param name="History">Per-epoch metrics so far.</param>
internal sealed record TrainingState(
    [property: JsonPropertyName("epochs_done")] int EpochsDone,
    [property: JsonPropertyName("steps")] long Steps,
    [property: JsonPropertyName("best_epoch")] int BestEpoch,
    [property: JsonPropertyName("best_miou")] double BestMIoU,
    [property: JsonPropertyName("best_val")] SegmentationScores? BestVal,
    [property: JsonPropertyName("history")] List<Dictionary<string, double>> History)
{
    public const string FileName = "state.json";
    public const string LastWeights = "last.bin";
    public const string OptimizerFile = "optimizer.bin";

    public static TrainingState? TryRead(string runDir)
    {
        var path = Path.Combine(runDir, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TrainingState>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"{path}: empty state.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: malformed training state: {ex.Message}", ex);
        }
    }

    public void Write(string runDir)
    {
        var path = Path.Combine(runDir, FileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, SegmenterRun.Json));
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
