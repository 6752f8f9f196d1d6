using SegPref.Media.Audio;
using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Audio;

/// <summary>
/// The tagger's part of the shared <see cref="EpochLoop"/>: seeded, augmented mini-batches of clip seconds, BCE with
/// logits, AdamW with a cosine decay to 5% over the run, and validation mAP (which picks the best checkpoint).
/// </summary>
internal sealed class AudioEpochTrainer : IEpochTrainer<double>, IDisposable
{
    private readonly AudioTagger _model;
    private readonly AudioTaggingSet _val;
    private readonly AudioBatchSampler _batches;
    private readonly int _classes;

    public AudioEpochTrainer(AudioTagger model, AudioTaggingSet train, AudioTaggingSet val, AudioTrainingOptions options)
    {
        _model = model;
        _val = val;
        _classes = train.ClassIndices.Count;
        _batches = new AudioBatchSampler(train, options);
        var schedule = new WarmupCosine(options.LearningRate, (long)_batches.BatchesPerEpoch * options.Epochs, warmupSteps: 0);
        Optimizer = new AdamWStep(model.parameters(), options.LearningRate, options.WeightDecay, schedule: schedule.At);
    }

    public nn.Module Model => _model;

    public AdamWStep Optimizer { get; }

    public int StepsPerEpoch => _batches.BatchesPerEpoch;

    public void BeginEpoch(int epoch) => _batches.BeginEpoch(epoch);

    public IReadOnlyDictionary<string, double> Step(int step)
    {
        using var scope = NewDisposeScope();
        _model.train();
        var (x, y, n) = _batches.Batch(step);
        var input = tensor(x.AsSpan(0, n * LogMelExamples.ExampleSize).ToArray(), [n, 1, LogMelExamples.FrameCount, LogMelExamples.BandCount]);
        var target = tensor(y.AsSpan(0, n * _classes).ToArray(), [n, _classes]);
        var loss = nn.functional.binary_cross_entropy_with_logits(_model.call(input), target);
        return new Dictionary<string, double>(StringComparer.Ordinal) { ["loss"] = Optimizer.Apply(loss) };
    }

    public EpochValidation<double> Validate()
    {
        var map = TaggerScoring.MeanAveragePrecision(_model, _val);
        return new(map, new Dictionary<string, double>(StringComparer.Ordinal) { ["val_map"] = map });
    }

    public void Dispose() => Optimizer.Dispose();
}
