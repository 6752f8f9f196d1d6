using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>The optimiser side of training: seeded shuffling, batches, AdamW steps with the learning-rate schedule.</summary>
internal sealed class CaptionerTrainingLoop
{
    private readonly Captioner _model;
    private readonly CaptionerTrainingOptions _options;
    private readonly IReadOnlyList<CaptionFrame> _frames;
    private readonly IReadOnlyList<int[]> _sequences;
    private readonly float[][] _objectRows;
    private readonly AdamW _optimizer;
    private readonly Random _shuffle;
    private readonly CaptionFlip? _flip;
    private readonly int _totalSteps;
    private int _step;

    public CaptionerTrainingLoop(Captioner model, CaptionerTrainingOptions options, IReadOnlyList<CaptionFrame> frames, IReadOnlyList<int[]> sequences, CaptionVocabulary vocabulary)
    {
        _model = model;
        _options = options;
        _frames = frames;
        _sequences = sequences;
        _objectRows = ObjectTargets.Rows(model.Config.ObjectKinds, frames.Select(f => f.Description));
        _optimizer = optim.AdamW(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        _shuffle = new Random(options.Seed);
        _flip = CaptionFlip.Create(vocabulary, options.FlipProbability, options.Seed + 1);
        _totalSteps = options.Epochs * (int)Math.Ceiling(frames.Count / (double)options.BatchSize);
    }

    /// <summary>One pass over the shuffled frames; returns the mean training loss.</summary>
    /// <exception cref="InvalidOperationException">The loss is not finite.</exception>
    public double RunEpoch(int epoch)
    {
        _model.train();
        var order = Enumerable.Range(0, _frames.Count).ToArray();
        _shuffle.Shuffle(order);
        double sum = 0;
        var batches = 0;
        foreach (var chunk in order.Chunk(_options.BatchSize))
        {
            using var scope = NewDisposeScope();
            foreach (var group in _optimizer.ParamGroups)
            {
                group.LearningRate = LearningRateSchedule.At(_step, _totalSteps, _options.WarmupSteps, _options.LearningRate);
            }

            var (images, ids) = CaptionBatch.Make(_frames, _sequences, chunk, _model.Config.ImageSize);
            if (_flip is not null)
            {
                (images, ids) = _flip.Apply(images, ids);
            }

            var length = ids.shape[1];
            var (logits, objects) = _model.ForwardWithObjects(images, ids.narrow(1, 0, length - 1));
            var loss = nn.functional.cross_entropy(
                logits.reshape(-1, logits.shape[^1]),
                ids.narrow(1, 1, length - 1).reshape(-1),
                ignore_index: CaptionVocabulary.Pad,
                label_smoothing: _options.LabelSmoothing);
            if (objects is not null && _options.ObjectLossWeight > 0)
            {
                // Teaches object identity directly; the caption loss alone spreads it over many words.
                var targets = ObjectTargets.Batch(_objectRows, chunk, _model.Config.ObjectKinds.Count);
                loss += _options.ObjectLossWeight * nn.functional.binary_cross_entropy_with_logits(objects, targets);
            }

            var value = loss.item<float>();
            if (!float.IsFinite(value))
            {
                throw new InvalidOperationException($"Non-finite training loss ({value}) at epoch {epoch}, step {_step} (batch {batches + 1} of the epoch); training stopped.");
            }

            _optimizer.zero_grad();
            loss.backward();
            nn.utils.clip_grad_norm_(_model.parameters(), _options.GradientClip);
            _optimizer.step();
            sum += value;
            batches++;
            _step++;
        }

        return sum / batches;
    }
}
