namespace SegPref.Models.Training;

/// <summary>
/// Writes the end-of-epoch files so that a process killed at any moment leaves a consistent run folder: every file is
/// first written beside its target under a temporary name, and only then are they renamed into place, state.json last.
/// Until state.json is replaced, a resume reads the previous epoch's state; the renames take microseconds.
/// </summary>
internal static class TrainingCheckpoint
{
    /// <summary>Saves last.bin, optimizer.bin, state.json and, when <paramref name="bestWeightsFile"/> is given, the best checkpoint.</summary>
    public static void Write<TScores>(string runDir, IEpochTrainer<TScores> trainer, TrainingState<TScores> state, string? bestWeightsFile)
    {
        var staged = new List<(string Temp, string Target)>();
        try
        {
            if (bestWeightsFile is not null)
            {
                trainer.Model.save(Stage(runDir, bestWeightsFile, staged));
            }

            trainer.Model.save(Stage(runDir, TrainingRunFolder.LastWeightsFile, staged));
            trainer.Optimizer.SaveState(Stage(runDir, TrainingRunFolder.OptimizerFile, staged));
            File.WriteAllText(Stage(runDir, TrainingRunFolder.StateFile, staged), state.ToJson());
            foreach (var (temp, target) in staged)
            {
                File.Move(temp, target, overwrite: true);
            }
        }
        finally
        {
            foreach (var (temp, _) in staged)
            {
                File.Delete(temp);
            }
        }
    }

    private static string Stage(string runDir, string fileName, List<(string Temp, string Target)> staged)
    {
        var target = Path.GetFullPath(Path.Combine(runDir, fileName));
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Environment.ProcessId}.tmp");
        staged.Add((temp, target));
        return temp;
    }
}
