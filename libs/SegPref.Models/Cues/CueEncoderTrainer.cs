using System.Diagnostics;
using SegPref.Models.Torch;
using SegPref.Models.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SegPref.Models.Cues;

/// <summary>Trains a <see cref="CueEncoder"/> with <see cref="InfoNce"/> against frozen, pre-computed audio embeddings.</summary>
public static class CueEncoderTrainer
{
    /// <summary>
    /// Trains from a fresh, seeded encoder. Every epoch visits the training seconds in a seeded random order, in batches;
    /// the learning rate follows a cosine from <see cref="CueTrainingOptions.LearningRate"/> down to 5%. Stops at the first
    /// non-finite loss (reported in <see cref="CueTrainingResult.StopReason"/> with the step).
    /// </summary>
    /// <exception cref="ArgumentException">Bad options, an empty training set, or an audio width other than the output size.</exception>
    public static CueTrainingResult Train(
        CueAudioSet train, CueAudioSet? val, CueVocabulary vocabulary, CueTrainingOptions options,
        IProgress<CueEpochProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (train.Count == 0 || train.Width != options.OutputSize)
        {
            throw new ArgumentException($"Cue training needs single-source seconds of width {options.OutputSize}; got {train.Count} of width {train.Width}.");
        }

        TorchRuntime.EnsureInitialized();
        torch.set_num_threads(2);
        torch.manual_seed(options.Seed);
        var model = new CueEncoder(vocabulary.Count, options.EmbeddingSize, options.HiddenSize, options.OutputSize);
        using var optimizer = optim.AdamW(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        using var audio = tensor(train.Embeddings, [train.Count, train.Width]);
        using var labels = tensor(train.Labels.Select(l => (long)l).ToArray(), [train.Count]);
        var history = new TrainingHistory();
        var random = new Random(options.Seed);
        var stepsPerEpoch = (train.Count + options.BatchSize - 1) / options.BatchSize;
        var totalSteps = stepsPerEpoch * options.Epochs;
        var schedule = optim.lr_scheduler.CosineAnnealingLR(optimizer, totalSteps, options.LearningRate * 0.05);
        var clock = Stopwatch.StartNew();
        var step = 0;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            model.train();
            var order = Enumerable.Range(0, train.Count).ToArray();
            random.Shuffle(order);
            double lossSum = 0;
            for (var start = 0; start < order.Length; start += options.BatchSize, step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var loss = Step(model, optimizer, audio, labels, order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start)), options.Temperature);
                if (!double.IsFinite(loss))
                {
                    model.eval();
                    return new CueTrainingResult(model, history, step, $"non-finite loss {loss} at step {step + 1} (epoch {epoch})");
                }

                schedule.step();
                lossSum += loss;
            }

            model.eval();
            var scores = val is { Count: > 0 } ? CueRetrieval.Score(model.WordVectors(), vocabulary.Count, val) : null;
            var row = new Dictionary<string, double> { ["train_loss"] = lossSum / stepsPerEpoch };
            if (scores is not null)
            {
                row["val_a2t_top1"] = scores.AudioToTextTop1;
                row["val_t2a_rprec"] = scores.TextToAudioRPrecision;
            }

            history.Add(epoch, row);
            progress?.Report(new CueEpochProgress(epoch, options.Epochs, lossSum / stepsPerEpoch, scores, clock.Elapsed));
        }

        model.eval();
        return new CueTrainingResult(model, history, step, null);
    }

    private static double Step(CueEncoder model, optim.Optimizer optimizer, Tensor audio, Tensor labels, ReadOnlySpan<int> batch, double temperature)
    {
        using var scope = NewDisposeScope();
        var index = tensor(batch.ToArray().Select(i => (long)i).ToArray(), [batch.Length]);
        optimizer.zero_grad();
        var loss = InfoNce.Loss(model.AllWords(), audio.index_select(0, index), labels.index_select(0, index), temperature);
        var value = loss.item<float>();
        if (!float.IsFinite(value))
        {
            return value;
        }

        loss.backward();
        optimizer.step();
        return value;
    }
}
