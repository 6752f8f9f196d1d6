using SegPref.Media.Audio;
using SegPref.Models.Audio;
using SegPref.Models.Tests.Training;
using SegPref.Models.Torch;
using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Audio;

[Collection(GlobalTorchRng.Name)]
public sealed class AudioTrainerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("audio-trainer-").FullName;

    public AudioTrainerTests() => TorchRuntime.EnsureInitialized();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Train_FewEpochsOnToySounds_LossFallsAndTaggingBeatsChance()
    {
        var clips = ToySounds.Clips(16, 3, seed: 1);
        var classes = AudioTaggingSet.SoundingClasses(clips);
        var train = AudioTaggingSet.Build(clips.Take(12).ToList(), classes);
        var val = AudioTaggingSet.Build(clips.Skip(12).ToList(), classes);
        var options = new AudioTrainingOptions(VggishPreset.Small, Epochs: 4, Seed: 3, BatchSize: 12, LearningRate: 2e-3);

        var result = AudioTrainer.Train(train, val, options, _dir, cancellationToken: TestContext.Current.CancellationToken);
        using var model = result.Model;

        var losses = result.History.Rows.Select(r => r["train_loss"]).ToList();
        var chance = val.Targets.Average();
        Assert.Null(result.StopReason);
        Assert.Equal(3, classes.Count);
        Assert.True(losses[^1] < losses[0], $"loss {losses[0]:0.000} -> {losses[^1]:0.000}");
        Assert.True(result.BestValMap > chance + 0.2, $"val mAP {result.BestValMap:0.000} vs chance {chance:0.000}");
        foreach (var file in new[] { "weights.bin", "last.bin", "optimizer.bin", "state.json", "metrics.json", "curves.png" })
        {
            Assert.True(File.Exists(Path.Combine(_dir, file)), file);
        }
    }

    [Fact]
    public void Train_SameSeedTwice_SameHistory()
    {
        var clips = ToySounds.Clips(4, 2, seed: 2);
        var classes = AudioTaggingSet.SoundingClasses(clips);
        var set = AudioTaggingSet.Build(clips, classes);
        var options = new AudioTrainingOptions(VggishPreset.Small, Epochs: 1, Seed: 5, BatchSize: 4);

        var first = AudioTrainer.Train(set, set, options, Path.Combine(_dir, "a"), cancellationToken: TestContext.Current.CancellationToken);
        var second = AudioTrainer.Train(set, set, options, Path.Combine(_dir, "b"), cancellationToken: TestContext.Current.CancellationToken);
        first.Model.Dispose();
        second.Model.Dispose();

        Assert.Equal(first.History.Rows[0]["train_loss"], second.History.Rows[0]["train_loss"]);
    }

    [Fact]
    public void Train_InterruptedThenResumed_EqualsUninterruptedRun()
    {
        var clips = ToySounds.Clips(6, 2, seed: 6);
        var set = AudioTaggingSet.Build(clips, AudioTaggingSet.SoundingClasses(clips));
        var options = new AudioTrainingOptions(VggishPreset.Small, Epochs: 3, Seed: 7, BatchSize: 5);
        var resumedDir = Path.Combine(_dir, "resumed");

        var straight = AudioTrainer.Train(set, set, options, Path.Combine(_dir, "straight"), cancellationToken: TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource();
        var first = AudioTrainer.Train(set, set, options, resumedDir, new InlineProgress<AudioTrainingProgress>(p =>
        {
            if (p.Epoch == 1)
            {
                cts.Cancel();
            }
        }), cts.Token);
        first.Model.Dispose();
        var second = AudioTrainer.Train(set, set, options, resumedDir, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("cancelled during epoch 2; resume restarts it", first.StopReason);
        Assert.Single(first.History.Rows);
        Assert.Null(second.StopReason);
        Assert.Equal(straight.Steps, second.Steps);
        Assert.Equal(straight.History.Rows.Select(r => r["train_loss"]), second.History.Rows.Select(r => r["train_loss"]));
        Assert.Equal(straight.History.Rows.Select(r => r["val_map"]), second.History.Rows.Select(r => r["val_map"]));
        Assert.Equal(straight.BestEpoch, second.BestEpoch);
        Assert.Equal(Embed(straight.Model, set), Embed(second.Model, set));
        straight.Model.Dispose();
        second.Model.Dispose();
    }

    [Fact]
    public void Train_NaNInTheFeatures_ThrowsNamingEpochAndStepAndWritesNoCheckpoint()
    {
        var clips = ToySounds.Clips(3, 2, seed: 8);
        var set = AudioTaggingSet.Build(clips, AudioTaggingSet.SoundingClasses(clips));
        set.Features[LogMelExamples.ExampleSize + 5] = float.NaN;
        var options = new AudioTrainingOptions(VggishPreset.Small, Epochs: 2, Seed: 9, BatchSize: 16);

        var error = Assert.Throws<NonFiniteLossException>(() => AudioTrainer.Train(set, set, options, _dir, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(1, error.Epoch);
        Assert.Equal(1, error.Step);
        Assert.Contains("epoch 1, step 1 of 1", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "weights.bin")));
        Assert.False(File.Exists(Path.Combine(_dir, "state.json")));
    }

    [Fact]
    public void Train_ValWithOtherClasses_ThrowsArgumentException()
    {
        var clips = ToySounds.Clips(2, 1, seed: 3);
        var train = AudioTaggingSet.Build(clips, [7, 17]);
        var val = AudioTaggingSet.Build(clips, [7]);

        Assert.Throws<ArgumentException>(() => AudioTrainer.Train(train, val, new AudioTrainingOptions(VggishPreset.Small), _dir, cancellationToken: TestContext.Current.CancellationToken));
    }

    private static float[] Embed(AudioTagger model, AudioTaggingSet set)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        return model.Encoder.call(tensor(set.Features, [set.Count, 1, LogMelExamples.FrameCount, LogMelExamples.BandCount])).data<float>().ToArray();
    }
}
