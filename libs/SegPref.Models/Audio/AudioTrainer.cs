using System.Diagnostics;
using SegPref.Models.Torch;
using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Audio;

/// <summary>
/// Pre-trains an <see cref="AudioTagger"/> on per-second multi-label tagging: BCE with logits, AdamW with a cosine
/// learning-rate decay, seeded shuffling and augmentation, validation mAP each epoch, best epoch kept.
/// </summary>
public static partial class AudioTrainer
{
    /// <summary>Trains on <paramref name="train"/>, selecting the epoch with the best mAP on <paramref name="val"/>.</summary>
    /// <exception cref="ArgumentException">The sets disagree on the classes, or the training set is empty.</exception>
    public static AudioTrainingResult Train(
        AudioTaggingSet train, AudioTaggingSet val, AudioTrainingOptions options, IProgress<AudioTrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(val);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (train.Count == 0 || !train.ClassIndices.SequenceEqual(val.ClassIndices))
        {
            throw new ArgumentException("The training set is empty or train and val use different class lists.", nameof(train));
        }

        TorchRuntime.EnsureInitialized();
        set_num_threads(2);
        manual_seed(options.Seed);
        var model = new AudioTagger(options.Preset, train.ClassIndices.Count);
        var stepsPerEpoch = (train.Count + options.BatchSize - 1) / options.BatchSize;
        using var optimizer = optim.AdamW(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        var schedule = optim.lr_scheduler.CosineAnnealingLR(optimizer, stepsPerEpoch * options.Epochs, options.LearningRate * 0.05);
        var batches = new BatchSampler(train, options);
        var history = new TrainingHistory();
        var best = (Epoch: 0, Map: double.NegativeInfinity, State: (Dictionary<string, Tensor>?)null);
        var clock = Stopwatch.StartNew();
        var steps = 0;
        string? stop = null;
        for (var epoch = 1; epoch <= options.Epochs && stop is null; epoch++)
        {
            model.train();
            var lossSum = 0.0;
            var epochSteps = 0;
            foreach (var (x, y, n) in batches.Epoch(epoch))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var loss = Step(model, optimizer, x, y, n, train.ClassIndices.Count);
                schedule.step();
                steps++;
                if (!double.IsFinite(loss))
                {
                    stop = $"non-finite training loss at step {steps} (epoch {epoch}, batch {epochSteps + 1}); kept epoch {best.Epoch}";
                    break;
                }

                lossSum += loss;
                epochSteps++;
            }

            if (stop is not null)
            {
                break;
            }

            var valMap = TaggerScoring.MeanAveragePrecision(model, val);
            var isBest = valMap > best.Map;
            if (isBest)
            {
                DisposeState(best.State);
                best = (epoch, valMap, CloneState(model));
            }

            history.Add(epoch, new Dictionary<string, double> { ["train_loss"] = lossSum / epochSteps, ["val_map"] = valMap, ["elapsed_seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1) });
            progress?.Report(new AudioTrainingProgress(epoch, options.Epochs, lossSum / epochSteps, valMap, isBest, clock.Elapsed));
        }

        if (best.State is not null)
        {
            model.load_state_dict(best.State);
            DisposeState(best.State);
        }

        model.eval();
        return new AudioTrainingResult(model, history, best.Epoch, best.Epoch == 0 ? double.NaN : best.Map, steps, stop);
    }

    private static double Step(AudioTagger model, optim.Optimizer optimizer, float[] x, float[] y, int n, int classes)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var input = tensor(x.AsSpan(0, n * Media.Audio.LogMelExamples.ExampleSize).ToArray(), [n, 1, Media.Audio.LogMelExamples.FrameCount, Media.Audio.LogMelExamples.BandCount]);
        var target = tensor(y.AsSpan(0, n * classes).ToArray(), [n, classes]);
        var loss = nn.functional.binary_cross_entropy_with_logits(model.call(input), target);
        var value = loss.item<float>();
        if (float.IsFinite(value))
        {
            loss.backward();
            optimizer.step();
        }

        return value;
    }

    private static Dictionary<string, Tensor> CloneState(AudioTagger model) =>
        model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone(), StringComparer.Ordinal);

    private static void DisposeState(Dictionary<string, Tensor>? state)
    {
        foreach (var tensor in state?.Values ?? Enumerable.Empty<Tensor>())
        {
            tensor.Dispose();
        }
    }
}
