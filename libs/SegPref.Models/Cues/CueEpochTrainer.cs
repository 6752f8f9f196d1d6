using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Cues;

/// <summary>
/// The cue encoder's part of the shared <see cref="EpochLoop"/>: the training seconds in a seeded order per epoch, in
/// batches, symmetric InfoNCE against the frozen audio embeddings, AdamW with a cosine decay to 5% over the run, and
/// retrieval on the validation seconds (audio-to-text top-1 picks the best checkpoint; without validation seconds the
/// last epoch is kept).
/// </summary>
internal sealed class CueEpochTrainer : IEpochTrainer<CueRetrievalScores?>, IDisposable
{
    private readonly CueEncoder _model;
    private readonly CueAudioSet? _val;
    private readonly int _vocabulary;
    private readonly CueTrainingOptions _options;
    private readonly Tensor _audio;
    private readonly Tensor _labels;
    private readonly int _count;
    private int[] _order = [];

    public CueEpochTrainer(CueEncoder model, CueAudioSet train, CueAudioSet? val, int vocabulary, CueTrainingOptions options)
    {
        _model = model;
        _val = val;
        _vocabulary = vocabulary;
        _options = options;
        _count = train.Count;
        _audio = tensor(train.Embeddings, [train.Count, train.Width]);
        _labels = tensor(train.Labels.Select(l => (long)l).ToArray(), [train.Count]);
        var schedule = new WarmupCosine(options.LearningRate, (long)StepsPerEpoch * options.Epochs, warmupSteps: 0);
        Optimizer = new AdamWStep(model.parameters(), options.LearningRate, options.WeightDecay, schedule: schedule.At);
    }

    public nn.Module Model => _model;

    public AdamWStep Optimizer { get; }

    public int StepsPerEpoch => (_count + _options.BatchSize - 1) / _options.BatchSize;

    public void BeginEpoch(int epoch) => _order = EpochRandom.Shuffle(_count, _options.Seed, epoch);

    public IReadOnlyDictionary<string, double> Step(int step)
    {
        using var scope = NewDisposeScope();
        _model.train();
        var start = step * _options.BatchSize;
        var batch = _order.AsSpan(start, Math.Min(_options.BatchSize, _count - start)).ToArray().Select(i => (long)i).ToArray();
        var index = tensor(batch, [batch.Length]);
        var loss = InfoNce.Loss(_model.AllWords(), _audio.index_select(0, index), _labels.index_select(0, index), _options.Temperature);
        return new Dictionary<string, double>(StringComparer.Ordinal) { ["loss"] = Optimizer.Apply(loss) };
    }

    public EpochValidation<CueRetrievalScores?> Validate()
    {
        _model.eval();
        var scores = _val is { Count: > 0 } ? CueRetrieval.Score(_model.WordVectors(), _vocabulary, _val) : null;
        var metrics = scores is null
            ? new Dictionary<string, double>(StringComparer.Ordinal)
            : new Dictionary<string, double>(StringComparer.Ordinal) { ["val_a2t_top1"] = scores.AudioToTextTop1, ["val_t2a_rprec"] = scores.TextToAudioRPrecision };
        return new(scores, metrics);
    }

    public void Dispose()
    {
        Optimizer.Dispose();
        _audio.Dispose();
        _labels.Dispose();
    }
}
