using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>
/// The captioner's part of the shared <see cref="EpochLoop"/>: the frames in a seeded order per epoch, flips drawn per
/// epoch, teacher-forced label-smoothed cross-entropy (+ the visible-kinds BCE), AdamW with warm-up + cosine and a
/// clipped gradient norm; validation loss on every validation frame and greedy BLEU-4 / object recall and precision on
/// the first ones (BLEU-4 picks the best checkpoint).
/// </summary>
internal sealed class CaptionerEpochTrainer : IEpochTrainer<CaptionScores>, IDisposable
{
    private readonly Captioner _model;
    private readonly CaptionerTrainingOptions _options;
    private readonly IReadOnlyList<CaptionFrame> _frames;
    private readonly IReadOnlyList<int[]> _sequences;
    private readonly float[][] _objectRows;
    private readonly CaptionFlip? _flip;
    private readonly CaptionVocabulary _vocabulary;
    private readonly IReadOnlyList<CaptionFrame> _val;
    private readonly IReadOnlyList<int[]> _valSequences;
    private int[] _order = [];
    private Random _flips = new(0);

    public CaptionerEpochTrainer(
        Captioner model, CaptionerTrainingOptions options, IReadOnlyList<CaptionFrame> frames, IReadOnlyList<int[]> sequences, CaptionVocabulary vocabulary,
        IReadOnlyList<CaptionFrame> val, IReadOnlyList<int[]> valSequences)
    {
        _model = model;
        _options = options;
        _frames = frames;
        _sequences = sequences;
        _vocabulary = vocabulary;
        _val = val;
        _valSequences = valSequences;
        _objectRows = ObjectTargets.Rows(model.Config.ObjectKinds, frames.Select(f => f.Description));
        _flip = CaptionFlip.Create(vocabulary, options.FlipProbability);
        var schedule = new WarmupCosine(options.LearningRate, (long)StepsPerEpoch * options.Epochs, options.WarmupSteps);
        Optimizer = new AdamWStep(model.parameters(), options.LearningRate, options.WeightDecay, options.GradientClip, schedule.At);
    }

    public nn.Module Model => _model;

    public AdamWStep Optimizer { get; }

    public int StepsPerEpoch => (_frames.Count + _options.BatchSize - 1) / _options.BatchSize;

    public void BeginEpoch(int epoch)
    {
        _order = EpochRandom.Shuffle(_frames.Count, _options.Seed, epoch);
        _flips = EpochRandom.Augmentation(_options.Seed, epoch);
    }

    public IReadOnlyDictionary<string, double> Step(int step)
    {
        using var scope = NewDisposeScope();
        _model.train();
        var start = step * _options.BatchSize;
        var chunk = _order[start..Math.Min(start + _options.BatchSize, _order.Length)];
        var (images, ids) = CaptionBatch.Make(_frames, _sequences, chunk, _model.Config.ImageSize);
        if (_flip is not null)
        {
            (images, ids) = _flip.Apply(images, ids, _flip.Draw(chunk.Length, _flips));
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

        return new Dictionary<string, double>(StringComparer.Ordinal) { ["loss"] = Optimizer.Apply(loss) };
    }

    public EpochValidation<CaptionScores> Validate()
    {
        var valLoss = CaptionEvaluation.Loss(_model, _val, _valSequences, _options.BatchSize * 2);
        var (scores, _) = CaptionEvaluation.Score(_model, _vocabulary, [.. _val.Take(_options.ValidationDecodeFrames)], DecodeOptions.Greedy);
        return new(scores, new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["val_loss"] = valLoss,
            ["val_bleu4"] = scores.Bleu4,
            ["val_object_recall"] = scores.Objects.Recall,
            ["val_object_precision"] = scores.Objects.Precision,
        });
    }

    public void Dispose() => Optimizer.Dispose();
}
