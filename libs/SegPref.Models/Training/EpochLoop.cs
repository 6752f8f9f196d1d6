using System.Diagnostics;
using static TorchSharp.torch;

namespace SegPref.Models.Training;

/// <summary>
/// The epoch loop every trainer runs. After each epoch: validation, the best checkpoint (by the trainer's figure),
/// last.bin + optimizer.bin + state.json, and metrics.json + curves.png; a run folder with state.json resumes after its
/// last completed epoch and ends where an uninterrupted run would. Cancellation stops before the next step (the
/// interrupted epoch is dropped: a resume restarts it). A non-finite loss throws <see cref="NonFiniteLossException"/>
/// naming the epoch and step, before that step changes anything.
/// </summary>
internal static class EpochLoop
{
    /// <summary>Trains <paramref name="trainer"/> into <see cref="EpochLoopOptions.RunDir"/>, resuming its state.json if any.</summary>
    /// <exception cref="NonFiniteLossException">A loss was NaN or infinite; the run folder holds the last completed epoch.</exception>
    /// <exception cref="InvalidDataException">state.json is malformed.</exception>
    public static EpochLoopResult<TScores> Run<TScores>(
        IEpochTrainer<TScores> trainer, EpochLoopOptions options, IProgress<EpochProgress<TScores>>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.RunDir);
        var state = TrainingState<TScores>.TryRead(options.RunDir) ?? new TrainingState<TScores>();
        if (state.EpochsDone > 0)
        {
            trainer.Model.load(Path.Combine(options.RunDir, TrainingRunFolder.LastWeightsFile), strict: true);
            trainer.Optimizer.LoadState(Path.Combine(options.RunDir, TrainingRunFolder.OptimizerFile), state.Steps);
        }

        var clock = Stopwatch.StartNew();
        for (var epoch = state.EpochsDone + 1; epoch <= options.Epochs; epoch++)
        {
            var losses = TrainEpoch(trainer, epoch, options, progress, clock, cancellationToken);
            if (losses is null)
            {
                return Result(state, $"cancelled during epoch {epoch}; resume restarts it");
            }

            var validation = trainer.Validate();
            var row = new Dictionary<string, double>(StringComparer.Ordinal) { ["epoch"] = epoch };
            foreach (var (name, mean) in losses)
            {
                row[$"train_{name}"] = mean;
            }

            foreach (var (name, value) in validation.Metrics)
            {
                row[name] = value;
            }

            row["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1);
            var isBest = IsBest(state, options.Figure, row);
            state.History.Add(row);
            if (isBest)
            {
                (state.BestEpoch, state.BestVal) = (epoch, validation.Scores);
            }

            (state.EpochsDone, state.Steps) = (epoch, trainer.Optimizer.StepCount);
            TrainingCheckpoint.Write(options.RunDir, trainer, state, isBest ? options.WeightsFile : null);
            WriteHistory(options, state, clock.Elapsed);
            progress?.Report(new EpochProgress<TScores>(epoch, options.Epochs, trainer.StepsPerEpoch, trainer.StepsPerEpoch, row["train_loss"], validation, isBest, clock.Elapsed));
        }

        return Result(state, null);
    }

    /// <summary>Mean loss terms of the epoch, or null when cancelled before it ended.</summary>
    private static Dictionary<string, double>? TrainEpoch<TScores>(
        IEpochTrainer<TScores> trainer, int epoch, EpochLoopOptions options, IProgress<EpochProgress<TScores>>? progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        manual_seed(EpochRandom.TorchSeed(options.Seed, epoch));
        trainer.BeginEpoch(epoch);
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        var steps = trainer.StepsPerEpoch;
        for (var step = 0; step < steps; step++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return null;
            }

            IReadOnlyDictionary<string, double> terms;
            try
            {
                terms = trainer.Step(step);
            }
            catch (NonFiniteLossException ex) when (ex.Epoch == 0)
            {
                var kept = epoch > 1 ? $"{options.RunDir} keeps epoch {epoch - 1} (--resume continues from it)" : $"no epoch of {options.RunDir} was completed";
                throw new NonFiniteLossException($"{ex.Message.TrimEnd('.')} (epoch {epoch}, step {step + 1} of {steps}); training stopped before the weights changed and {kept}.", ex)
                {
                    Epoch = epoch,
                    Step = ex.Step,
                };
            }

            foreach (var (name, value) in terms)
            {
                sums[name] = sums.GetValueOrDefault(name) + value;
            }

            progress?.Report(new EpochProgress<TScores>(epoch, options.Epochs, step + 1, steps, sums["loss"] / (step + 1), null, false, clock.Elapsed));
        }

        return cancellationToken.IsCancellationRequested ? null : sums.ToDictionary(p => p.Key, p => p.Value / steps, StringComparer.Ordinal);
    }

    // Higher is better; a tie goes to the later (longer trained) epoch; an epoch without the figure (no validation data)
    // is always the latest best; a NaN figure never beats a number.
    private static bool IsBest<TScores>(TrainingState<TScores> state, string figure, Dictionary<string, double> row)
    {
        if (state.BestRow() is not { } best || !row.TryGetValue(figure, out var value) || !best.TryGetValue(figure, out var bestValue))
        {
            return true;
        }

        return value >= bestValue || (double.IsNaN(bestValue) && !double.IsNaN(value));
    }

    private static void WriteHistory<TScores>(EpochLoopOptions options, TrainingState<TScores> state, TimeSpan elapsed)
    {
        var history = History(state);
        var final = new Dictionary<string, object?>(StringComparer.Ordinal) { ["best_epoch"] = state.BestEpoch };
        foreach (var (name, value) in state.BestRow() ?? [])
        {
            if (name.StartsWith("val_", StringComparison.Ordinal))
            {
                final[$"best_{name}"] = value;
            }
        }

        final["epochs"] = state.EpochsDone;
        final["steps"] = state.Steps;
        final["seconds_this_process"] = Math.Round(elapsed.TotalSeconds, 1);
        history.WriteJson(options.RunDir, final);
        history.WriteCurves(options.RunDir, options.CurvesTitle, [.. options.Curves]);
    }

    private static TrainingHistory History<TScores>(TrainingState<TScores> state)
    {
        var history = new TrainingHistory();
        foreach (var row in state.History)
        {
            history.Add((int)row["epoch"], row);
        }

        return history;
    }

    private static EpochLoopResult<TScores> Result<TScores>(TrainingState<TScores> state, string? stopReason) =>
        new(state.BestEpoch, state.BestVal, state.EpochsDone, state.Steps, History(state), stopReason);
}
