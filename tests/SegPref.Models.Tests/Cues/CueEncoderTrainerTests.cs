using SegPref.Models.Cues;
using SegPref.Models.Tests.Audio;
using SegPref.Models.Tests.Training;
using SegPref.Models.Training;

namespace SegPref.Models.Tests.Cues;

[Collection(GlobalTorchRng.Name)]
public sealed class CueEncoderTrainerTests : IDisposable
{
    private static readonly CueTrainingOptions Options = new(Epochs: 4, Seed: 3, BatchSize: 16, LearningRate: 1e-2, EmbeddingSize: 8, HiddenSize: 16, OutputSize: 24);
    private readonly string _dir = Directory.CreateTempSubdirectory("cue-trainer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Train_FewEpochs_LowersLossAndMatchingPairsBecomeMostSimilar()
    {
        var train = ToyCueAudio.Set(perClass: 12, width: 24, seed: 1);
        var test = ToyCueAudio.Set(perClass: 6, width: 24, seed: 2);

        var result = CueEncoderTrainer.Train(train, test, ToyCueAudio.Vocabulary, Options, _dir, cancellationToken: TestContext.Current.CancellationToken);
        using var model = result.Model;
        var scores = CueRetrieval.Score(model.WordVectors(), ToyCueAudio.Vocabulary.Count, test);
        var (matching, other) = MeanCosines(model.WordVectors(), test);

        Assert.Null(result.StopReason);
        Assert.Equal(4 * 4, result.Steps);
        Assert.True(result.History.Rows[^1]["train_loss"] < result.History.Rows[0]["train_loss"] - 0.1, "loss did not fall");
        Assert.True(matching > other + 0.2, $"matching cosine {matching:0.000} vs non-matching {other:0.000}");
        Assert.True(scores.AudioToTextTop1 > 0.8, $"audio->text top-1 {scores.AudioToTextTop1}");
        Assert.Equal(scores.AudioToTextTop1, result.History.Rows[^1]["val_a2t_top1"]);
    }

    [Fact]
    public void Train_SameSeedTwice_GivesIdenticalVectors()
    {
        var train = ToyCueAudio.Set(perClass: 4, width: 24, seed: 1);
        var options = Options with { Epochs = 1 };

        using var first = CueEncoderTrainer.Train(train, null, ToyCueAudio.Vocabulary, options, Path.Combine(_dir, "a"), cancellationToken: TestContext.Current.CancellationToken).Model;
        using var second = CueEncoderTrainer.Train(train, null, ToyCueAudio.Vocabulary, options, Path.Combine(_dir, "b"), cancellationToken: TestContext.Current.CancellationToken).Model;

        Assert.Equal(first.WordVectors(), second.WordVectors());
    }

    [Fact]
    public void Train_AudioWidthDiffersFromOutputSize_ThrowsArgumentException()
    {
        var train = ToyCueAudio.Set(perClass: 2, width: 10, seed: 1);

        Assert.Throws<ArgumentException>(() => CueEncoderTrainer.Train(train, null, ToyCueAudio.Vocabulary, Options, _dir, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Train_InterruptedThenResumed_EqualsUninterruptedRun()
    {
        var train = ToyCueAudio.Set(perClass: 6, width: 24, seed: 4);
        var val = ToyCueAudio.Set(perClass: 3, width: 24, seed: 5);
        var options = Options with { Epochs = 3, BatchSize = 8 };
        var resumedDir = Path.Combine(_dir, "resumed");

        var straight = CueEncoderTrainer.Train(train, val, ToyCueAudio.Vocabulary, options, Path.Combine(_dir, "straight"), cancellationToken: TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource();
        var first = CueEncoderTrainer.Train(train, val, ToyCueAudio.Vocabulary, options, resumedDir, new InlineProgress<CueEpochProgress>(p =>
        {
            if (p.Epoch == 1)
            {
                cts.Cancel();
            }
        }), cts.Token);
        first.Model.Dispose();
        var second = CueEncoderTrainer.Train(train, val, ToyCueAudio.Vocabulary, options, resumedDir, cancellationToken: TestContext.Current.CancellationToken);
        using var a = straight.Model;
        using var b = second.Model;

        Assert.Equal("cancelled during epoch 2; resume restarts it", first.StopReason);
        Assert.Single(first.History.Rows);
        Assert.Null(second.StopReason);
        Assert.Equal(straight.Steps, second.Steps);
        Assert.Equal(straight.BestEpoch, second.BestEpoch);
        Assert.Equal(straight.History.Rows.Select(r => r["train_loss"]), second.History.Rows.Select(r => r["train_loss"]));
        Assert.Equal(a.WordVectors(), b.WordVectors());
    }

    [Fact]
    public void Train_NaNAudio_ThrowsNamingEpochAndStepAndWritesNoCheckpoint()
    {
        var train = ToyCueAudio.Set(perClass: 2, width: 24, seed: 6);
        train.Embeddings[3] = float.NaN;

        var error = Assert.Throws<NonFiniteLossException>(() =>
            CueEncoderTrainer.Train(train, null, ToyCueAudio.Vocabulary, Options, _dir, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(1, error.Epoch);
        Assert.Equal(1, error.Step);
        Assert.Contains("epoch 1, step 1 of 1", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "weights.bin")));
    }

    private static (double Matching, double Other) MeanCosines(float[] text, CueAudioSet audio)
    {
        var width = audio.Width;
        double matching = 0, other = 0;
        int matchingCount = 0, otherCount = 0;
        for (var i = 0; i < audio.Count; i++)
        {
            for (var w = 0; w < text.Length / width; w++)
            {
                var cosine = Enumerable.Range(0, width).Sum(j => (double)audio.Embeddings[(i * width) + j] * text[(w * width) + j]);
                if (w == audio.Labels[i])
                {
                    matching += cosine;
                    matchingCount++;
                }
                else
                {
                    other += cosine;
                    otherCount++;
                }
            }
        }

        return (matching / matchingCount, other / otherCount);
    }
}
