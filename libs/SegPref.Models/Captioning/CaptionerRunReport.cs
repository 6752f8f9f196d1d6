using System.Text;

namespace SegPref.Models.Captioning;

/// <summary>Writes a finished run's metrics.json (the epoch loop's history with the test figures) and test_samples.txt.</summary>
internal static class CaptionerRunReport
{
    public static void Write(CaptionerTrainingResult result, CaptionerRunConfig config, CaptionerTestReport test, double totalSeconds)
    {
        var final = new Dictionary<string, object?>
        {
            ["command"] = config.CommandLine,
            ["data"] = config.DataPath,
            ["seed"] = config.Training?.Seed,
            ["epochs"] = config.Training?.Epochs,
            ["best_epoch"] = result.BestEpoch,
            ["train_wall_seconds"] = Math.Round(result.TrainSeconds, 1),
            ["total_wall_seconds"] = Math.Round(totalSeconds, 1),
            ["threads"] = config.Training?.Threads,
            ["test_frames"] = test.Greedy.Frames,
            ["test_greedy"] = Figures(test.Greedy, test.GreedySeconds),
            ["test_beam"] = Figures(test.Beam, test.BeamSeconds),
            ["test_beam_width"] = test.BeamWidth,
        };
        result.History.WriteJson(result.RunDir, final);
        var samples = new StringBuilder();
        foreach (var (source, reference, greedy, beam) in test.Samples)
        {
            samples.AppendLine(source).AppendLine($"  reference: {reference}").AppendLine($"  greedy:    {greedy}").AppendLine($"  beam:      {beam}");
        }

        File.WriteAllText(Path.Combine(result.RunDir, "test_samples.txt"), samples.ToString());
    }

    private static Dictionary<string, double> Figures(CaptionScores scores, double seconds) => new()
    {
        ["bleu4"] = Math.Round(scores.Bleu4, 4),
        ["object_recall"] = Math.Round(scores.Objects.Recall, 4),
        ["object_precision"] = Math.Round(scores.Objects.Precision, 4),
        ["decode_seconds"] = Math.Round(seconds, 1),
    };
}
