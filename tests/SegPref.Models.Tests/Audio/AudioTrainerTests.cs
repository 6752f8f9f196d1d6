using SegPref.Models.Audio;
using SegPref.Models.Torch;

namespace SegPref.Models.Tests.Audio;

[Collection(GlobalTorchRng.Name)]
public class AudioTrainerTests
{
    public AudioTrainerTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void Train_FewEpochsOnToySounds_LossFallsAndTaggingBeatsChance()
    {
        var clips = ToySounds.Clips(16, 3, seed: 1);
        var classes = AudioTaggingSet.SoundingClasses(clips);
        var train = AudioTaggingSet.Build(clips.Take(12).ToList(), classes);
        var val = AudioTaggingSet.Build(clips.Skip(12).ToList(), classes);
        var options = new AudioTrainingOptions(VggishPreset.Small, Epochs: 4, Seed: 3, BatchSize: 12, LearningRate: 2e-3);

        var result = AudioTrainer.Train(train, val, options, cancellationToken: TestContext.Current.CancellationToken);
        using var model = result.Model;

        var losses = result.History.Rows.Select(r => r["train_loss"]).ToList();
        var chance = val.Targets.Average();
        Assert.Null(result.StopReason);
        Assert.Equal(3, classes.Count);
        Assert.True(losses[^1] < losses[0], $"loss {losses[0]:0.000} -> {losses[^1]:0.000}");
        Assert.True(result.BestValMap > chance + 0.2, $"val mAP {result.BestValMap:0.000} vs chance {chance:0.000}");
    }

    [Fact]
    public void Train_SameSeedTwice_SameHistory()
    {
        var clips = ToySounds.Clips(4, 2, seed: 2);
        var classes = AudioTaggingSet.SoundingClasses(clips);
        var set = AudioTaggingSet.Build(clips, classes);
        var options = new AudioTrainingOptions(VggishPreset.Small, Epochs: 1, Seed: 5, BatchSize: 4);

        var first = AudioTrainer.Train(set, set, options, cancellationToken: TestContext.Current.CancellationToken);
        var second = AudioTrainer.Train(set, set, options, cancellationToken: TestContext.Current.CancellationToken);
        first.Model.Dispose();
        second.Model.Dispose();

        Assert.Equal(first.History.Rows[0]["train_loss"], second.History.Rows[0]["train_loss"]);
    }

    [Fact]
    public void Train_ValWithOtherClasses_ThrowsArgumentException()
    {
        var clips = ToySounds.Clips(2, 1, seed: 3);
        var train = AudioTaggingSet.Build(clips, [7, 17]);
        var val = AudioTaggingSet.Build(clips, [7]);

        Assert.Throws<ArgumentException>(() => AudioTrainer.Train(train, val, new AudioTrainingOptions(VggishPreset.Small), cancellationToken: TestContext.Current.CancellationToken));
    }
}
