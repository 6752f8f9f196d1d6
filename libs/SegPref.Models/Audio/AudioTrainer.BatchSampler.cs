using SegPref.Media.Audio;

namespace SegPref.Models.Audio;

public static partial class AudioTrainer
{
    /// <summary>Seeded shuffled mini-batches, gathered (and augmented) into reused buffers.</summary>
    private sealed class BatchSampler(AudioTaggingSet set, AudioTrainingOptions options)
    {
        private readonly float[] _x = new float[options.BatchSize * LogMelExamples.ExampleSize];
        private readonly float[] _y = new float[options.BatchSize * set.ClassIndices.Count];
        private readonly MelAugmentation? _augmentation = options.Augment ? new MelAugmentation(options.Seed) : null;

        /// <summary>The batches of one epoch; each buffer is valid until the next one is produced.</summary>
        public IEnumerable<(float[] X, float[] Y, int Count)> Epoch(int epoch)
        {
            // HashCode.Combine is randomised per process; this mix is stable across runs.
            var random = new Random(unchecked((options.Seed * 1_000_003) + epoch));
            var order = Enumerable.Range(0, set.Count).ToArray();
            random.Shuffle(order);
            var classes = set.ClassIndices.Count;
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                var n = Math.Min(options.BatchSize, order.Length - start);
                for (var i = 0; i < n; i++)
                {
                    var e = order[start + i];
                    var source = set.Features.AsSpan(e * LogMelExamples.ExampleSize, LogMelExamples.ExampleSize);
                    var target = _x.AsSpan(i * LogMelExamples.ExampleSize, LogMelExamples.ExampleSize);
                    if (_augmentation is null)
                    {
                        source.CopyTo(target);
                    }
                    else
                    {
                        _augmentation.Apply(source, target, set.SignalPower[e], random);
                    }

                    set.Targets.AsSpan(e * classes, classes).CopyTo(_y.AsSpan(i * classes));
                }

                yield return (_x, _y, n);
            }
        }
    }
}
