using System.Text.Json;

namespace SegPref.Models.Training;

/// <summary>
/// The rules for starting or resuming a training run in a folder. A folder that already holds a run (state.json, or
/// the run's weights from before runs were resumable) is refused unless the caller resumes; a resume with settings
/// other than those recorded in the run's config file is refused, naming what differs.
/// </summary>
internal static class TrainingRunFolder
{
    /// <summary>Where a run resumes (<see cref="TrainingState{TScores}"/>).</summary>
    public const string StateFile = "state.json";

    /// <summary>The weights after the last completed epoch.</summary>
    public const string LastWeightsFile = "last.bin";

    /// <summary>The optimiser state after the last completed epoch.</summary>
    public const string OptimizerFile = "optimizer.bin";

    /// <summary>Whether <paramref name="runDir"/> holds resumable training state.</summary>
    public static bool HasState(string runDir) => File.Exists(Path.Combine(runDir, StateFile));

    /// <summary>Checks, before any data is loaded, that training may start (or resume) in <paramref name="runDir"/>.</summary>
    /// <param name="runDir">The run folder.</param>
    /// <param name="resume">Whether the user asked to continue the run there (<c>--resume</c>).</param>
    /// <param name="weightsFile">The run's best-checkpoint file name.</param>
    /// <exception cref="ArgumentException">The folder holds a run and <paramref name="resume"/> is false, or it holds a finished run without state to resume.</exception>
    public static void CheckStart(string runDir, bool resume, string weightsFile)
    {
        var hasWeights = File.Exists(Path.Combine(runDir, weightsFile));
        if (!resume && (HasState(runDir) || hasWeights))
        {
            throw new ArgumentException($"{runDir} already holds a training run; pass --resume to continue it or choose another --out.");
        }

        if (resume && !HasState(runDir) && hasWeights)
        {
            throw new ArgumentException($"{runDir} holds a run without {StateFile} (trained before runs were resumable): there is nothing to resume; choose another --out.");
        }
    }

    /// <summary>
    /// When <paramref name="runDir"/> holds training state, checks that <paramref name="current"/> settings equal the
    /// <paramref name="recorded"/> ones (both serialised with <paramref name="json"/>), apart from the
    /// <paramref name="ignored"/> dotted paths (the command line, the data path).
    /// </summary>
    /// <exception cref="ArgumentException">A setting differs; the message names each one with both values.</exception>
    public static void CheckSettings<T>(string runDir, Func<T> recorded, T current, JsonSerializerOptions json, params string[] ignored)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (!HasState(runDir))
        {
            return;
        }

        var differences = SettingsDifference.Between(JsonSerializer.SerializeToNode(recorded(), json), JsonSerializer.SerializeToNode(current, json), ignored);
        if (differences.Count > 0)
        {
            throw new ArgumentException($"{runDir}: cannot resume with different settings: {string.Join("; ", differences)}.");
        }
    }
}
