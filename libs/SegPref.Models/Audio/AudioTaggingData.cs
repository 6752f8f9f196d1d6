using SegPref.Avs.Avss;
using SegPref.Avs.Evaluation;
using SegPref.Media.Audio;

namespace SegPref.Models.Audio;

/// <summary>Reads the audio of an AVS-Synth split into <see cref="TaggedClip"/>s: log-mel once per clip, labels from synth.json.</summary>
public static class AudioTaggingData
{
    /// <summary>
    /// Loads every clip of <paramref name="split"/>: its audio under <paramref name="perturbation"/> (any
    /// <see cref="AudioConditions"/> name, seeded per clip from <paramref name="seed"/>; see <see cref="ConditionedAudio"/>),
    /// one log-mel example per frame (AVSBench padding) and the audible AVSS classes of each second from synth.json (the
    /// sounding visible objects and the off-screen sources). Clips are processed in parallel; the result keeps metadata
    /// order. <paramref name="progress"/> receives the number of clips done.
    /// </summary>
    /// <exception cref="InvalidDataException">A clip has no synth.json, or its files are missing or malformed.</exception>
    public static IReadOnlyList<TaggedClip> Load(
        AvssDataset dataset, string split, string perturbation = AudioPerturbation.Normal, int seed = 0, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrEmpty(split);
        var audio = ConditionedAudio.Prepare(dataset, split, perturbation, seed);
        var rows = audio.Rows;
        var clips = new TaggedClip[rows.Count];
        var done = 0;
        try
        {
            Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                clips[i] = LoadClip(dataset.LoadClip(rows[i]), audio.Load(i));
                progress?.Report(Interlocked.Increment(ref done));
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // A clip's own error (missing synth.json, a bad WAV) is what the caller should see, not the parallel wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }

        return clips;
    }

    /// <summary>One clip's examples and labels, its audio under <paramref name="perturbation"/> (a clip-only condition, see <see cref="AudioPerturbation.Apply"/>).</summary>
    /// <exception cref="InvalidDataException">The clip has no synth.json or no frames.</exception>
    public static TaggedClip LoadClip(AvssClip clip, string perturbation, int seed)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return LoadClip(clip, AudioPerturbation.Apply(WavFile.Read(clip.AudioPath), perturbation, seed));
    }

    /// <summary>One clip's examples (from <paramref name="audio"/>) and labels (from its synth.json).</summary>
    /// <exception cref="InvalidDataException">The clip has no synth.json or no frames.</exception>
    public static TaggedClip LoadClip(AvssClip clip, AudioClip audio)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var synth = clip.Synth ?? throw new InvalidDataException($"{clip.Dir}: no synth.json; audio tagging needs AVS-Synth labels.");
        if (synth.Frames.Length == 0)
        {
            throw new InvalidDataException($"{clip.Dir}: synth.json lists no frames.");
        }

        ArgumentNullException.ThrowIfNull(audio);
        var examples = VggishLogMel.ComputeExamples(audio, synth.Frames.Length);
        var sounding = synth.Frames
            .Select(f => (IReadOnlySet<int>)f.Audible
                .Select(kind => AvssClasses.TryIndexOf(kind, out var index) ? index : -1)
                .Where(index => index > 0)
                .ToHashSet())
            .ToList();
        return new TaggedClip(examples, sounding, AudioPerturbation.MeanPower(audio.Samples));
    }
}
