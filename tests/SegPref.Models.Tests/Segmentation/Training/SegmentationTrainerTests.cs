using System.Text.Json.Nodes;
using SegPref.Models.Segmentation;
using SegPref.Models.Segmentation.Training;
using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Segmentation.Training;

[Collection(SeededTorch.Name)]
public sealed class SegmentationTrainerTests : SingleThreadedTorch
{
    private static readonly SegmentationTrainingOptions Options = new() { Epochs = 2, BatchSize = 4, Seed = 3, LearningRate = 3e-3 };
    private readonly string _dir = Directory.CreateTempSubdirectory("segpref-trainer-").FullName;

    [Fact]
    public void Train_InterruptedThenResumed_EqualsUninterruptedRun()
    {
        var split = SyntheticSplit.Create(clips: 4, framesPerClip: 3, seed: 1);
        var straight = Path.Combine(_dir, "straight");
        var resumed = Path.Combine(_dir, "resumed");
        Directory.CreateDirectory(straight);
        Directory.CreateDirectory(resumed);

        manual_seed(5);
        using var a = new TesoSegmenter(SyntheticSplit.Tiny);
        var full = SegmentationTrainer.Train(a, split, split, Options, straight, cancellationToken: TestContext.Current.CancellationToken);

        manual_seed(5);
        using var b = new TesoSegmenter(SyntheticSplit.Tiny);
        using var cts = new CancellationTokenSource();
        var first = SegmentationTrainer.Train(b, split, split, Options, resumed, new InlineProgress(p =>
        {
            if (p.Val is not null && p.Epoch == 1)
            {
                cts.Cancel();
            }
        }), cancellationToken: cts.Token);
        manual_seed(99);
        using var c = new TesoSegmenter(SyntheticSplit.Tiny);
        var second = SegmentationTrainer.Train(c, split, split, Options, resumed, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotNull(first.StopReason);
        Assert.Equal(1, first.Epochs);
        Assert.Null(second.StopReason);
        Assert.Equal(full.Steps, second.Steps);
        Assert.Equal(full.History.Select(h => h["train_loss"]), second.History.Select(h => h["train_loss"]));
        using var scope = NewDisposeScope();
        var (input, _) = split.Batch([0, 1, 2]);
        a.eval();
        c.eval();
        Assert.True(a.call(input).MapLogits.allclose(c.call(input).MapLogits, rtol: 0, atol: 1e-6), "resumed weights differ");
    }

    [Fact]
    public void Train_StateWrittenBeforeTheSharedLoop_Resumes()
    {
        var split = SyntheticSplit.Create(clips: 2, framesPerClip: 4, seed: 8);
        var options = Options with { Epochs = 2 };
        manual_seed(19);
        using var a = new AudioOnlySegmenter(SyntheticSplit.Tiny);
        var full = SegmentationTrainer.Train(a, split, split, options, Path.Combine(_dir, "straight"), cancellationToken: TestContext.Current.CancellationToken);
        manual_seed(19);
        using var b = new AudioOnlySegmenter(SyntheticSplit.Tiny);
        using var cts = new CancellationTokenSource();
        SegmentationTrainer.Train(b, split, split, options, _dir, new InlineProgress(p =>
        {
            if (p.Val is not null)
            {
                cts.Cancel();
            }
        }), cancellationToken: cts.Token);

        // The old TrainingState of SegmentationTrainer also wrote best_miou; its other names are the shared loop's.
        var state = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "state.json")))!.AsObject();
        state["best_miou"] = state["best_val"]!["MIoU"]!.GetValue<double>();
        File.WriteAllText(Path.Combine(_dir, "state.json"), state.ToJsonString());
        using var c = new AudioOnlySegmenter(SyntheticSplit.Tiny);
        var resumed = SegmentationTrainer.Train(c, split, split, options, _dir, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(full.Steps, resumed.Steps);
        Assert.Equal(full.BestEpoch, resumed.BestEpoch);
        Assert.Equal(full.BestVal.MIoU, resumed.BestVal.MIoU);
        Assert.Equal(full.History.Select(h => h["train_loss"]), resumed.History.Select(h => h["train_loss"]));
    }

    [Fact]
    public void Train_NaNAudio_ThrowsNamingEpochAndStepBeforeAnyCheckpoint()
    {
        var split = SyntheticSplit.Create(clips: 1, framesPerClip: 4, seed: 9);
        var audio = (float[])split.Audio.Clone();
        audio[0] = float.NaN;
        manual_seed(23);
        using var model = new AudioOnlySegmenter(SyntheticSplit.Tiny);

        var error = Assert.Throws<NonFiniteLossException>(() =>
            SegmentationTrainer.Train(model, split.WithAudio(audio), split, Options, _dir, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(1, error.Epoch);
        Assert.Equal(1, error.Step);
        Assert.Contains("(epoch 1, step 1 of 1)", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "state.json")));
        Assert.False(File.Exists(Path.Combine(_dir, "weights.bin")));
    }

    [Fact]
    public void Train_FewEpochs_LossFallsAndValImproves()
    {
        var split = SyntheticSplit.Create(clips: 6, framesPerClip: 4, seed: 2);
        manual_seed(7);
        using var model = new AudioOnlySegmenter(SyntheticSplit.Tiny);
        var before = SegmentationEvaluator.Evaluate(model, split);

        var result = SegmentationTrainer.Train(model, split, split, Options with { Epochs = 4 }, _dir, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.History[^1]["train_loss"] < result.History[0]["train_loss"], string.Join(", ", result.History.Select(h => h["train_loss"])));
        Assert.True(result.BestVal.MIoU > before.MIoU, $"{before.MIoU} -> {result.BestVal.MIoU}");
        foreach (var file in new[] { "weights.bin", "last.bin", "optimizer.bin", "state.json", "metrics.json", "curves.png" })
        {
            Assert.True(File.Exists(Path.Combine(_dir, file)), file);
        }
    }

    [Fact]
    public void Train_WithRepeatThreshold_DrawsTheUsualStepsAndWritesTheClassFactors()
    {
        var split = SyntheticSplit.Create(clips: 2, framesPerClip: 4, seed: 4);
        var frames = split.Frames.Frames.Select((f, i) => f with { SoundingClasses = i == 0 ? ["cat"] : ["dog"] }).ToList();
        split = split with { Frames = split.Frames with { Frames = frames } };
        manual_seed(13);
        using var model = new AudioOnlySegmenter(SyntheticSplit.Tiny);

        var result = SegmentationTrainer.Train(model, split, split, Options with { Epochs = 1, RepeatThreshold = 0.5 }, _dir, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Steps);
        var json = File.ReadAllText(Path.Combine(_dir, RepeatFactorSampling.FileName));
        Assert.Contains("\"cat\"", json, StringComparison.Ordinal);
        Assert.Contains("\"threshold\": 0.5", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("teso")]
    [InlineData("audio-only")]
    public void Train_WithGroundingWeight_LogsTheGroundingTermAndRefusesSplitsWithoutBoxes(string kind)
    {
        var split = SyntheticSplit.Create(clips: 2, framesPerClip: 4, seed: 6);
        var boxed = split with
        {
            Frames = split.Frames with
            {
                Frames = [.. split.Frames.Frames.Select(f => f with { Objects = [new FrameObject(f.GroundTruthCues[0], true, false, 4, 4, 12, 10)] })],
            },
        };
        var options = Options with { Epochs = 1, GroundingWeight = 0.5 };
        manual_seed(17);
        using var model = Segmenter.Create(kind, SyntheticSplit.Tiny with { Grounding = true });
        using var plain = Segmenter.Create(kind, SyntheticSplit.Tiny);

        var result = SegmentationTrainer.Train(model, boxed, boxed, options, _dir, cancellationToken: TestContext.Current.CancellationToken);
        var noBoxes = Assert.Throws<ArgumentException>(() => SegmentationTrainer.Train(model, split, split, options, Path.Combine(_dir, "b"), cancellationToken: TestContext.Current.CancellationToken));
        var noHead = Assert.Throws<ArgumentException>(() => SegmentationTrainer.Train(plain, boxed, boxed, options, Path.Combine(_dir, "c"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.True(result.History[0]["train_grounding"] > 0);
        Assert.Contains("synth.json", noBoxes.Message, StringComparison.Ordinal);
        Assert.Contains("grounding head", noHead.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SegmenterRun_SaveThenLoad_GivesIdenticalOutputs()
    {
        var split = SyntheticSplit.Create(clips: 1, framesPerClip: 2, seed: 3);
        manual_seed(11);
        using var model = new TesoSegmenter(SyntheticSplit.Tiny);
        model.eval();
        var config = new SegmenterRunConfig("teso", SyntheticSplit.Tiny, Options, "ground-truth", new EncoderRecord("a", "1", "c", "2", null, null), "data", "test");
        SegmenterRun.WriteConfig(_dir, config);
        model.save(Path.Combine(_dir, SegmenterRun.WeightsFile));

        var (loaded, read) = SegmenterRun.Load(_dir);
        using (loaded)
        {
            using var scope = NewDisposeScope();
            var (input, _) = split.Batch([0, 1]);
            Assert.Equal(config, read with { Options = read.Options });
            Assert.True(model.call(input).MapLogits.allclose(loaded.call(input).MapLogits, rtol: 0, atol: 0));
        }
    }

    [Fact]
    public void SegmenterRun_WeightsOfAnotherArchitecture_FailsNamingTheFile()
    {
        manual_seed(1);
        using var model = new AudioOnlySegmenter(SyntheticSplit.Tiny);
        SegmenterRun.WriteConfig(_dir, new SegmenterRunConfig("teso", SyntheticSplit.Tiny, Options, "predicted", new EncoderRecord("a", "1", "c", "2", null, null), "data", "test"));
        model.save(Path.Combine(_dir, SegmenterRun.WeightsFile));

        var error = Assert.Throws<InvalidDataException>(() => SegmenterRun.Load(_dir));

        Assert.Contains(SegmenterRun.WeightsFile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MutedAudioEmbedding_ChangesTheMasks()
    {
        var split = SyntheticSplit.Create(clips: 2, framesPerClip: 2, seed: 4);
        manual_seed(13);
        using var model = new AudioOnlySegmenter(SyntheticSplit.Tiny);
        var normal = new List<float[]>();
        var muted = new List<float[]>();

        SegmentationEvaluator.Evaluate(model, split, onFrame: (_, p) => normal.Add(p));
        SegmentationEvaluator.Evaluate(model, split.WithAudio(new float[split.Audio.Length]), onFrame: (_, p) => muted.Add(p));

        Assert.Contains(Enumerable.Range(0, normal.Count), i => !normal[i].SequenceEqual(muted[i]));
    }

    protected override void DisposeCore() => Directory.Delete(_dir, recursive: true);

    private sealed class InlineProgress(Action<SegmentationEpochProgress> report) : IProgress<SegmentationEpochProgress>
    {
        public void Report(SegmentationEpochProgress value) => report(value);
    }

    [Theory]
    [InlineData(true, false, "noise-floor,swapped")]
    [InlineData(true, true, "noise-floor,swapped,off-screen")]
    [InlineData(false, false, "noise-floor")]
    [InlineData(false, true, "noise-floor,off-screen")]
    public void CounterfactualConditions_FollowTheSwappedAndOffScreenSwitches(bool swapped, bool offScreen, string expected)
    {
        var options = new SegmentationTrainingOptions { CueWeight = 1, CounterfactualWeight = 1, CounterfactualSwapped = swapped, CounterfactualOffScreen = offScreen };

        Assert.Equal(expected, string.Join(',', SegmentationExperiment.CounterfactualConditions(options)));
    }
}
