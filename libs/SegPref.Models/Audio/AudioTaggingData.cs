using SegPref.Avs.Avss;
using SegPref.Media.Audio;

namespace SegPref.Models.Audio;

/// <summary>Reads the audio of an AVS-Synth split into <see cref="TaggedClip"/>s: log-mel once per clip, labels from synth.json.</summary>
public static class AudioTaggingData
{
    /// <summary>
    /// Loads every clip of <paramref name="split"/>: reads audio.wav, applies <paramref name="perturbation"/> (see
    /// <see cref="AudioPerturbation.Apply"/>, seeded per clip from <paramref name="seed"/>), computes one log-mel example
    /// per frame (AVSBench padding) and takes the sounding AVSS classes of each frame from synth.json. Clips are
    /// processed in parallel; the result keeps metadata order. <paramref name="progress"/> receives the number of clips done.
    /// </summary>
    /// <exception cref="InvalidDataException">A clip has no synth.json, or its files are missing or malformed.</exception>
    public static IReadOnlyList<TaggedClip> Load(
        AvssDataset dataset, string split, string perturbation = AudioPerturbation.Normal, int seed = 0, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrEmpty(split);
        var rows = dataset.Rows.Where(r => r.Split == split).ToList();
        var clips = new TaggedClip[rows.Count];
        var done = 0;
        Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            clips[i] = LoadClip(dataset.LoadClip(rows[i]), perturbation, unchecked(seed + (i * 7919)));
            progress?.Report(Interlocked.Increment(ref done));
        });
        return clips;
    }

    /// <summary>One clip's examples and labels.</summary>
    /// <exception cref="InvalidDataException">The clip has no synth.json or no frames.</exception>
    public static TaggedClip LoadClip(AvssClip clip, string perturbation, int seed)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var synth = clip.Synth ?? throw new InvalidDataException($"{clip.Dir}: no synth.json; audio tagging needs AVS-Synth labels.");
        if (synth.Frames.Length == 0)
        {
            throw new InvalidDataException($"{clip.Dir}: synth.json lists no frames.");
        }

        var audio = AudioPerturbation.Apply(WavFile.Read(clip.AudioPath), perturbation, seed);
        var examples = VggishLogMel.ComputeExamples(audio, synth.Frames.Length);
        var sounding = synth.Frames
            .Select(f => (IReadOnlySet<int>)f.Objects
                .Where(o => o.Sounding && !o.Distractor)
                .Select(o => AvssClasses.TryIndexOf(o.Kind, out var index) ? index : -1)
                .Where(index => index > 0)
                .ToHashSet())
            .ToList();
        return new TaggedClip(examples, sounding, AudioPerturbation.MeanPower(audio.Samples));
    }
}
