using System.Text.Json.Nodes;
using SegPref.Models.Tests.Audio;
using SegPref.Models.Torch;
using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Training;

[Collection(GlobalTorchRng.Name)]
public sealed class EpochLoopTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("epoch-loop-").FullName;

    public EpochLoopTests() => TorchRuntime.EnsureInitialized();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Run_FigureRisesThenFalls_KeepsTheBestEpochAndRecordsEveryEpoch()
    {
        using var trainer = new LineTrainer(0.2, 0.9, 0.5);

        var result = EpochLoop.Run(trainer, Options(3), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.BestEpoch);
        Assert.Equal(0.9, result.BestVal);
        Assert.Equal(6, result.Steps);
        Assert.Equal(trainer.WeightsAfter[2], Load("weights.bin"));
        Assert.Equal(trainer.WeightsAfter[3], Load("last.bin"));
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "metrics.json")))!;
        Assert.Equal(2, (int)metrics["final"]!["best_epoch"]!);
        Assert.Equal(0.9, (double)metrics["final"]!["best_val_score"]!);
        Assert.Equal([1, 2, 3], metrics["history"]!.AsArray().Select(r => (int)(double)r!["epoch"]!));
        Assert.True(new FileInfo(Path.Combine(_dir, "curves.png")).Length > 1000);
    }

    [Theory]
    [InlineData(0.5, 0.5, 2)]
    [InlineData(double.NaN, 0.3, 2)]
    [InlineData(0.3, double.NaN, 1)]
    public void Run_TiedOrNaNFigure_PrefersALaterEpochAndANumber(double first, double second, int best)
    {
        using var trainer = new LineTrainer(first, second);

        var result = EpochLoop.Run(trainer, Options(2), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(best, result.BestEpoch);
        Assert.Equal(trainer.WeightsAfter[best], Load("weights.bin"));
    }

    [Fact]
    public void Run_NoValidationFigure_KeepsTheLastEpoch()
    {
        using var trainer = new LineTrainer(0.9, 0.1) { WithFigure = false };

        var result = EpochLoop.Run(trainer, Options(2), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.BestEpoch);
        Assert.Equal(trainer.WeightsAfter[2], Load("weights.bin"));
    }

    [Fact]
    public void Run_AfterEachEpoch_RewritesHistoryAndCheckpoint()
    {
        using var trainer = new LineTrainer(0.1, 0.2);
        var seen = new List<(int Epoch, int Rows, int StateEpochs)>();

        EpochLoop.Run(trainer, Options(2), new InlineProgress<EpochProgress<double>>(p =>
        {
            if (p.Validation is not null)
            {
                var rows = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "metrics.json")))!["history"]!.AsArray().Count;
                var state = (int)JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "state.json")))!["epochs_done"]!;
                seen.Add((p.Epoch, rows, state));
            }
        }), TestContext.Current.CancellationToken);

        Assert.Equal([(1, 1, 1), (2, 2, 2)], seen);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void Run_NonFiniteLossInEpochTwo_ThrowsNamingEpochAndStepAndTheFolderResumesFromEpochOne()
    {
        using var straight = new LineTrainer(0.1, 0.2, 0.3);
        var expected = EpochLoop.Run(straight, Options(3, Path.Combine(_dir, "straight")), cancellationToken: TestContext.Current.CancellationToken);
        using var poisoned = new LineTrainer(0.1, 0.2, 0.3) { PoisonAt = (2, 1) };

        var error = Assert.Throws<NonFiniteLossException>(() => EpochLoop.Run(poisoned, Options(3), cancellationToken: TestContext.Current.CancellationToken));
        var weightsAtError = LineTrainer.Weights(poisoned.Model);
        using var resumed = new LineTrainer(0.1, 0.2, 0.3);
        var result = EpochLoop.Run(resumed, Options(3), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, error.Epoch);
        Assert.Equal(4, error.Step);
        Assert.Contains("not finite at step 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("(epoch 2, step 2 of 2)", error.Message, StringComparison.Ordinal);
        Assert.Contains("keeps epoch 1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(3, poisoned.Optimizer.StepCount);
        Assert.Equal(WeightsAfterSteps(3), weightsAtError);
        Assert.Equal(expected.History.Rows.Select(r => r["train_loss"]), result.History.Rows.Select(r => r["train_loss"]));
        Assert.Equal(straight.WeightsAfter[3], resumed.WeightsAfter[3]);
    }

    [Fact]
    public void Run_CancelledDuringAStep_StopsAfterItKeepsTheLastEpochAndResumeEqualsAStraightRun()
    {
        using var straight = new LineTrainer(0.1, 0.2, 0.3);
        var expected = EpochLoop.Run(straight, Options(3, Path.Combine(_dir, "straight")), cancellationToken: TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource();
        var started = 0;
        using var interrupted = new LineTrainer(0.1, 0.2, 0.3)
        {
            OnStep = (epoch, step) =>
            {
                started++;
                if ((epoch, step) == (2, 0))
                {
                    cts.Cancel();
                }
            },
        };

        var first = EpochLoop.Run(interrupted, Options(3), cancellationToken: cts.Token);
        var state = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "state.json")))!;
        using var resumed = new LineTrainer(0.1, 0.2, 0.3);
        var second = EpochLoop.Run(resumed, Options(3), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("cancelled during epoch 2; resume restarts it", first.StopReason);
        Assert.Equal(3, started);
        Assert.Equal(1, first.Epochs);
        Assert.Equal(1, (int)state["epochs_done"]!);
        Assert.Equal(2, (long)state["steps"]!);
        Assert.Null(second.StopReason);
        Assert.Equal(expected.Steps, second.Steps);
        Assert.Equal(expected.History.Rows.Select(r => r["train_loss"]), second.History.Rows.Select(r => r["train_loss"]));
        Assert.Equal(straight.WeightsAfter[3], Load("last.bin"));
    }

    private EpochLoopOptions Options(int epochs, string? dir = null) =>
        new(dir ?? _dir, epochs, Seed: 5, "weights.bin", "val_score", "line", ["train_loss", "val_score"]);

    private float[] Load(string file)
    {
        using var model = nn.Linear(2, 1);
        model.load(Path.Combine(_dir, file), strict: true);
        return LineTrainer.Weights(model);
    }

    // The weights of an unpoisoned run after its first `steps` steps (2 per epoch), replayed without the loop.
    private static float[] WeightsAfterSteps(int steps)
    {
        using var replay = new LineTrainer(0.1, 0.2, 0.3);
        for (var s = 0; s < steps; s++)
        {
            if (s % replay.StepsPerEpoch == 0)
            {
                replay.BeginEpoch((s / replay.StepsPerEpoch) + 1);
            }

            replay.Step(s % replay.StepsPerEpoch);
        }

        return LineTrainer.Weights(replay.Model);
    }
}
