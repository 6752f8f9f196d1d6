using System.Text.Json.Nodes;
using SegPref.Models.Captioning;
using SegPref.Models.Tests.Audio;
using SegPref.Models.Tests.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Captioning;

[Collection(GlobalTorchRng.Name)]
public sealed class CaptionerTrainerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"captioner-train-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Train_TinyDataset_WritesALoadableRunWithTestFigures()
    {
        var data = Path.Combine(_root, "data");
        var runDir = Path.Combine(_root, "run");
        TinySynthDataset.Write(data, clipsPerSplit: 4);
        var options = new CaptionerTrainingOptions { Epochs = 2, BatchSize = 8, WarmupSteps = 1, TestBeamWidth = 2 };

        var result = CaptionerTrainer.Train(data, runDir, options, TinyCaptioning.Config() with { VocabularySize = 0 }, "segpref test", cancellationToken: TestContext.Current.CancellationToken);

        foreach (var file in new[] { "config.json", "vocab.json", "captioner.weights", "metrics.json", "curves.png", "test_samples.txt", "last.bin", "optimizer.bin", "state.json" })
        {
            Assert.True(File.Exists(Path.Combine(runDir, file)), file);
        }

        Assert.Equal(2, result.History.Rows.Count);
        Assert.Equal(16, result.TestGreedy!.Frames);
        Assert.InRange(result.TestBeam!.Bleu4, 0, 1);
        var final = JsonNode.Parse(File.ReadAllText(Path.Combine(runDir, "metrics.json")))!["final"]!;
        Assert.Equal("segpref test", (string?)final["command"]);
        Assert.Equal(result.TestGreedy.Bleu4, (double)final["test_greedy"]!["bleu4"]!, 4);
        using var run = CaptionerRun.Load(runDir);
        Assert.Equal(TinyCaptioning.Vocabulary.Words, run.Vocabulary.Words);
    }

    [Fact]
    public void Train_InterruptedThenResumed_EqualsUninterruptedRun()
    {
        var data = Path.Combine(_root, "data");
        TinySynthDataset.Write(data, clipsPerSplit: 2);
        var options = new CaptionerTrainingOptions { Epochs = 3, BatchSize = 3, WarmupSteps = 1, TestBeamWidth = 1, ValidationDecodeFrames = 4, Threads = 1 };
        var config = TinyCaptioning.Config() with { VocabularySize = 0, Dropout = 0.2 };
        var resumed = Path.Combine(_root, "resumed");
        var ct = TestContext.Current.CancellationToken;

        var straight = CaptionerTrainer.Train(data, Path.Combine(_root, "straight"), options, config, cancellationToken: ct);
        using var cts = new CancellationTokenSource();
        var first = CaptionerTrainer.Train(data, resumed, options, config, progress: new InlineProgress<CaptionerEpochReport>(r =>
        {
            if (r.Epoch == 1)
            {
                cts.Cancel();
            }
        }), cancellationToken: cts.Token);
        var second = CaptionerTrainer.Train(data, resumed, options, config, resume: true, cancellationToken: ct);

        Assert.Equal("cancelled during epoch 2; resume restarts it", first.StopReason);
        Assert.Null(first.TestGreedy);
        Assert.Null(second.StopReason);
        Assert.Equal(straight.BestEpoch, second.BestEpoch);
        Assert.Equal(straight.History.Rows.Select(r => r["train_loss"]), second.History.Rows.Select(r => r["train_loss"]));
        Assert.Equal(straight.History.Rows.Select(r => r["val_loss"]), second.History.Rows.Select(r => r["val_loss"]));
        Assert.Equal(straight.TestGreedy, second.TestGreedy);
        Assert.Equal(Logits(straight.RunDir), Logits(resumed));
    }

    [Fact]
    public void Train_ExistingRunWithoutResumeOrResumedWithOtherEpochs_IsRefused()
    {
        var data = Path.Combine(_root, "data");
        var runDir = Path.Combine(_root, "run");
        TinySynthDataset.Write(data, clipsPerSplit: 1);
        var options = new CaptionerTrainingOptions { Epochs = 1, BatchSize = 4, WarmupSteps = 1, TestBeamWidth = 1, ValidationDecodeFrames = 2 };
        var config = TinyCaptioning.Config() with { VocabularySize = 0 };
        var ct = TestContext.Current.CancellationToken;
        CaptionerTrainer.Train(data, runDir, options, config, cancellationToken: ct);

        var again = Assert.Throws<ArgumentException>(() => CaptionerTrainer.Train(data, runDir, options, config, cancellationToken: ct));
        var longer = Assert.Throws<ArgumentException>(() => CaptionerTrainer.Train(data, runDir, options with { Epochs = 2 }, config, resume: true, cancellationToken: ct));
        var finished = CaptionerTrainer.Train(data, runDir, options with { Threads = 1 }, config, resume: true, cancellationToken: ct);

        Assert.Contains("--resume", again.Message, StringComparison.Ordinal);
        Assert.Contains("training.epochs (1 in the run, 2 now)", longer.Message, StringComparison.Ordinal);
        Assert.Equal(1, finished.BestEpoch);
        Assert.NotNull(finished.TestGreedy);
    }

    [Fact]
    public void Train_MissingDataset_ThrowsNamingTheFolder()
    {
        var missing = Path.Combine(_root, "nowhere");
        Directory.CreateDirectory(_root);

        var error = Assert.Throws<InvalidDataException>(() =>
            CaptionerTrainer.Train(missing, Path.Combine(_root, "run"), new CaptionerTrainingOptions(), new CaptionerConfig(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    private static float[] Logits(string runDir)
    {
        using var run = CaptionerRun.Load(runDir);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var frames = TinyCaptioning.Frames(2);
        var images = CaptionImages.ToTensor([.. frames.Select(f => f.Image)], 32);
        return run.Model.call(images, tensor(new long[] { CaptionVocabulary.Bos, 4, CaptionVocabulary.Bos, 5 }).view(2, 2)).data<float>().ToArray();
    }
}
