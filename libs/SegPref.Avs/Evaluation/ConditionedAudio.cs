using SegPref.Avs.Avss;
using SegPref.Avs.Synth;
using SegPref.Media.Audio;

namespace SegPref.Avs.Evaluation;

/// <summary>
/// The audio of every clip of one split under one condition (<see cref="AudioConditions"/>), deterministic for a seed:
/// every model is scored on exactly the same audio. Dataset-aware conditions read AVS-Synth's synth.json (which classes
/// are visible and audible in each clip) and noise.wav.
/// </summary>
public sealed class ConditionedAudio
{
    private readonly AvssDataset _dataset;
    private readonly IReadOnlyList<AvssMetadataRow> _rows;
    private readonly string _condition;
    private readonly int _seed;
    private readonly HashSet<string>[] _visible;
    private readonly HashSet<string>[] _audible;

    private ConditionedAudio(AvssDataset dataset, IReadOnlyList<AvssMetadataRow> rows, string condition, int seed, HashSet<string>[] visible, HashSet<string>[] audible)
    {
        (_dataset, _rows, _condition, _seed, _visible, _audible) = (dataset, rows, condition, seed, visible, audible);
    }

    /// <summary>The split's clips in metadata order.</summary>
    public IReadOnlyList<AvssMetadataRow> Rows => _rows;

    /// <summary>Prepares <paramref name="split"/> of <paramref name="dataset"/> under <paramref name="condition"/>.</summary>
    /// <exception cref="ArgumentException">Unknown condition.</exception>
    /// <exception cref="InvalidDataException">A dataset-aware condition on a dataset without AVS-Synth's synth.json.</exception>
    public static ConditionedAudio Prepare(AvssDataset dataset, string split, string condition, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        AudioConditions.Check(condition);
        var rows = dataset.Rows.Where(r => r.Split == split).ToList();
        var visible = new HashSet<string>[rows.Count];
        var audible = new HashSet<string>[rows.Count];
        if (condition is AudioConditions.Swapped or AudioConditions.OffScreen)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var synth = dataset.LoadClip(rows[i]).Synth
                    ?? throw new InvalidDataException($"{rows[i].Uid}: the '{condition}' condition needs AVS-Synth's synth.json (which classes are visible and audible); real AVSBench has no such labels.");
                visible[i] = synth.Frames.SelectMany(f => f.Objects).Where(o => !o.Distractor).Select(o => o.Kind).ToHashSet(StringComparer.Ordinal);
                audible[i] = synth.Frames.SelectMany(f => f.Audible).ToHashSet(StringComparer.Ordinal);
            }
        }

        return new ConditionedAudio(dataset, rows, condition, seed, visible, audible);
    }

    /// <summary>The clip <paramref name="index"/> (in <see cref="Rows"/> order) under the condition.</summary>
    /// <exception cref="InvalidDataException">A file is missing (noise.wav for noise-floor), or no clip qualifies as a swap partner.</exception>
    public AudioClip Load(int index)
    {
        var clip = _dataset.LoadClip(_rows[index]);
        var seed = ClipSeed(index);
        switch (_condition)
        {
            case AudioConditions.NoiseFloor:
                var noise = Path.Combine(clip.Dir, AvssLayout.NoiseFile);
                return File.Exists(noise)
                    ? WavFile.Read(noise)
                    : throw new InvalidDataException($"{noise}: not found. The '{AudioConditions.NoiseFloor}' condition needs the clip's background, which AVS-Synth writes since generator 1.1.0 (regenerate with `segpref synth`).");
            case AudioConditions.Swapped:
                return WavFile.Read(_dataset.LoadClip(_rows[SwapPartner(index)]).AudioPath);
            case AudioConditions.OffScreen:
                var own = WavFile.Read(clip.AudioPath);
                var kind = OffScreenClass(index);
                var rms = Math.Sqrt(AudioPerturbation.MeanPower(own.Samples)) * Math.Pow(10, -new Random(seed).NextDouble() * 6 / 20);
                var source = SynthSources.Render(kind, own.Samples.Length, rms, seed);
                var mixed = own.Samples.ToArray();
                for (var n = 0; n < mixed.Length; n++)
                {
                    mixed[n] += source[n];
                }

                return own with { Samples = mixed };
            default:
                return AudioPerturbation.Apply(WavFile.Read(clip.AudioPath), _condition, seed);
        }
    }

    /// <summary>
    /// Swapped: the clip whose audio replaces clip <paramref name="index"/>'s: the first clip, from a seeded start, that
    /// has the same number of frames and none of whose audible classes (visible sounding or off-screen) is visible in
    /// clip <paramref name="index"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">No clip of the split qualifies.</exception>
    public int SwapPartner(int index)
    {
        var frames = _dataset.LoadClip(_rows[index]).FramePaths.Count;
        var start = new Random(ClipSeed(index)).Next(_rows.Count);
        for (var k = 0; k < _rows.Count; k++)
        {
            var j = (start + k) % _rows.Count;
            if (j != index && _audible[j] is { Count: > 0 } audible && !audible.Overlaps(_visible[index]) && _dataset.LoadClip(_rows[j]).FramePaths.Count == frames)
            {
                return j;
            }
        }

        throw new InvalidDataException($"{_rows[index].Uid}: no clip of the split has audio without any of its visible classes ({string.Join(", ", _visible[index])}); '{AudioConditions.Swapped}' cannot be built.");
    }

    /// <summary>Off-screen: the class added to clip <paramref name="index"/>: seeded among those neither visible nor audible in it.</summary>
    /// <exception cref="InvalidDataException">Every sound class is visible or audible in the clip.</exception>
    public string OffScreenClass(int index)
    {
        var candidates = SynthVocabulary.SoundClasses.Where(c => !_visible[index].Contains(c) && !_audible[index].Contains(c)).ToList();
        return candidates.Count > 0
            ? candidates[new Random(ClipSeed(index) ^ 0x5f3759df).Next(candidates.Count)]
            : throw new InvalidDataException($"{_rows[index].Uid}: every sound class is visible or audible; no off-screen class is left.");
    }

    /// <summary>Classes visible in clip <paramref name="index"/> (sound-capable objects; prepared for swapped and off-screen only).</summary>
    public IReadOnlySet<string> VisibleClasses(int index) => _visible[index];

    /// <summary>Classes audible in clip <paramref name="index"/> (prepared for swapped and off-screen only).</summary>
    public IReadOnlySet<string> AudibleClasses(int index) => _audible[index];

    // The per-clip seed that AudioTaggingData has always used (wgn noise stays identical to earlier results).
    private int ClipSeed(int index) => unchecked(_seed + (index * 7919));
}
