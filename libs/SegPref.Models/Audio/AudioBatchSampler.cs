using SegPref.Media.Audio;
using SegPref.Models.Training;

namespace SegPref.Models.Audio;

/// <summary>
/// Mini-batches of one epoch in a seeded order (<see cref="EpochRandom"/>), gathered and augmented into reused buffers.
/// Batches must be drawn in order within an epoch: the augmentation draws follow one generator per epoch.
/// </summary>
internal sealed class AudioBatchSampler(AudioTaggingSet set, AudioTrainingOptions options)
{
    private readonly float[] _x = new float[options.BatchSize * LogMelExamples.ExampleSize];
    private readonly float[] _y = new float[options.BatchSize * set.ClassIndices.Count];
    private readonly MelAugmentation? _augmentation = options.Augment ? new MelAugmentation(options.Seed) : null;
    private int[] _order = [];
    private Random _random = new(0);

    /// <summary>Batches per epoch.</summary>
    public int BatchesPerEpoch => (set.Count + options.BatchSize - 1) / options.BatchSize;

    /// <summary>Starts <paramref name="epoch"/>: its order and augmentation generator.</summary>
    public void BeginEpoch(int epoch)
    {
        _order = EpochRandom.Shuffle(set.Count, options.Seed, epoch);
        _random = EpochRandom.Augmentation(options.Seed, epoch);
    }

    /// <summary>The 0-based batch <paramref name="index"/> of the epoch; the buffers are valid until the next call.</summary>
    public (float[] X, float[] Y, int Count) Batch(int index)
    {
        var classes = set.ClassIndices.Count;
        var start = index * options.BatchSize;
        var n = Math.Min(options.BatchSize, _order.Length - start);
        for (var i = 0; i < n; i++)
        {
            var e = _order[start + i];
            var source = set.Features.AsSpan(e * LogMelExamples.ExampleSize, LogMelExamples.ExampleSize);
            var target = _x.AsSpan(i * LogMelExamples.ExampleSize, LogMelExamples.ExampleSize);
            if (_augmentation is null)
            {
                source.CopyTo(target);
            }
            else
            {
                _augmentation.Apply(source, target, set.SignalPower[e], _random);
            }

            set.Targets.AsSpan(e * classes, classes).CopyTo(_y.AsSpan(i * classes));
        }

        return (_x, _y, n);
    }
}
