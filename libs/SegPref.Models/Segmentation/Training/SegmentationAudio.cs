using SegPref.Avs.Data;
using SegPref.Avs.Evaluation;
using SegPref.Media.Audio;

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// The VGGish log-mel example of every frame of a <see cref="SegmentationFrames"/> set (its second of the clip's audio,
/// AVSBench padding), under an audio condition. AVSS-layout data goes through <see cref="ConditionedAudio"/>, so AVS-Synth
/// gets exactly the audio of every earlier result; AVSBench S4/MS3 clips get the clip-only conditions with the same per-clip
/// seeds. The dataset-aware conditions need AVS-Synth's labels and are refused on real data.
/// </summary>
internal static class SegmentationAudio
{
    /// <summary>One <see cref="LogMelExamples"/> per clip of <paramref name="frames"/>, one example per frame, clips in parallel.</summary>
    /// <exception cref="InvalidDataException">A dataset-aware condition on real data, or a clip's audio is missing or malformed.</exception>
    public static LogMelExamples[] Examples(AvsData data, string split, SegmentationFrames frames, string condition, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(frames);
        AudioConditions.Check(condition);
        if (!data.HasSynthLabels && AudioConditions.NeedsDataset(condition))
        {
            throw new InvalidDataException(
                $"{data.Description}: the '{condition}' audio condition needs AVS-Synth's labels (which classes each clip shows and hears, and its background alone); real data has none. Use normal, mute, dither or wgn-N.");
        }

        var conditioned = data.Avss is { } avss ? ConditionedAudio.Prepare(avss, split, condition) : null;
        var uids = data.Uids(split);
        if (uids.Count != frames.Clips.Count)
        {
            throw new InvalidDataException($"{data.Description}: split '{split}' has {uids.Count} clips but {frames.Clips.Count} were loaded.");
        }

        var result = new LogMelExamples[uids.Count];
        var done = 0;
        try
        {
            Parallel.For(0, uids.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var clip = data.LoadClip(split, i);
                var (start, count) = frames.Clips[i];
                var rows = Enumerable.Range(start, count).Select(r => frames.Frames[r]).ToList();
                if (rows.Any(r => r.Uid != clip.Uid))
                {
                    throw new InvalidDataException($"{clip.Dir}: the frames loaded for clip {i} of '{split}' are not '{clip.Uid}''s.");
                }

                // The same per-clip seed as ConditionedAudio (wgn noise identical to earlier results).
                var audio = conditioned?.Load(i) ?? AudioPerturbation.Apply(WavFile.Read(clip.AudioPath), condition, unchecked(i * 7919));
                var seconds = Math.Max(clip.FrameCount, AvsData.FrameSeconds(clip).Max() + 1);
                result[i] = Select(VggishLogMel.ComputeExamples(audio, seconds), rows.Select(r => r.FrameIndex));
                progress?.Report(Interlocked.Increment(ref done));
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // A clip's own error (a missing or malformed WAV) is what the caller should see, not the parallel wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }

        return result;
    }

    private static LogMelExamples Select(LogMelExamples all, IEnumerable<int> seconds)
    {
        var picked = seconds.ToList();
        if (picked.Count == all.Count && picked.Select((s, k) => s == k).All(x => x))
        {
            return all;
        }

        var size = LogMelExamples.ExampleSize;
        var data = new float[picked.Count * size];
        for (var k = 0; k < picked.Count; k++)
        {
            Array.Copy(all.Data, picked[k] * size, data, k * size, size);
        }

        return new LogMelExamples(data, picked.Count);
    }
}
