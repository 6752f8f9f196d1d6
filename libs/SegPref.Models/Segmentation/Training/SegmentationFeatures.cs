using SegPref.Avs.Data;
using SegPref.Cues.Lexicon;
using SegPref.Media.Audio;
using SegPref.Media.Imaging;
using SegPref.Models.Audio;
using SegPref.Models.Captioning;

namespace SegPref.Models.Segmentation.Training;

/// <summary>The frozen encoders' outputs for a split: audio embeddings per condition, cue embeddings per cue source.</summary>
public static class SegmentationFeatures
{
    private const int ClipsPerBatch = 64;
    private const int FramesPerCaptionBatch = 256;

    /// <summary>
    /// The audio features [N,AudioWidth] (the 128-d embedding, or the encoder's time-frequency map) of each frame's second under <paramref name="condition"/> (normal, mute, wgn-N, and on
    /// AVS-Synth the dataset-aware ones; noise seeded per clip, so every model sees the same noisy audio). Cached by
    /// encoder, split and condition.
    /// </summary>
    /// <exception cref="InvalidDataException">The audio does not line up with the frames, or the condition needs AVS-Synth labels the data lacks.</exception>
    public static float[] Audio(
        AvsData data, string split, SegmentationFrames frames, FrozenEncoders encoders, string condition, FeatureCache cache,
        IProgress<(string Stage, int Done, int Total)>? stages = null)
    {
        ArgumentNullException.ThrowIfNull(encoders);
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(cache);
        var width = encoders.AudioWidth;
        var key = $"audio-{encoders.AudioFeatureKey}-{split}-{condition}";
        return cache.GetOrCompute(key, [frames.Count, width], () =>
        {
            var total = frames.Clips.Count;
            var logMel = stages is null ? null : new SyncProgress<int>(d => stages.Report(($"log-mel {split} ({condition})", d, total)));
            var clips = SegmentationAudio.Examples(data, split, frames, condition, logMel);
            if (clips.Sum(c => c.Count) != frames.Count)
            {
                throw new InvalidDataException($"{data.Description}: split '{split}' has {clips.Sum(c => c.Count)} seconds of audio for {frames.Count} frames.");
            }

            var result = new float[frames.Count * width];
            var row = 0;
            var done = 0;
            foreach (var batch in clips.Chunk(ClipsPerBatch))
            {
                var examples = batch.SelectMany(c => c.Data).ToArray();
                var embedded = encoders.AudioFeatures(new LogMelExamples(examples, batch.Sum(c => c.Count)));
                Buffer.BlockCopy(embedded, 0, result, row * width * sizeof(float), embedded.Length * sizeof(float));
                row += embedded.GetLength(0);
                done += batch.Length;
                stages?.Report(($"embed {split} ({condition})", done, total));
            }

            return result;
        });
    }

    /// <summary>
    /// Cue slots and embeddings of every frame: ground truth from AVS-Synth, or predicted by the captioner (greedy) and
    /// the lexicon. Descriptions are cached by captioner and split.
    /// </summary>
    /// <exception cref="ArgumentException">Predicted cues without a captioner.</exception>
    public static CueInputs Cues(
        string split, SegmentationFrames frames, FrozenEncoders encoders, CueSource source, FeatureCache cache,
        IProgress<(string Stage, int Done, int Total)>? stages = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(encoders);
        string[]? descriptions = null;
        string[][] slots;
        if (source == CueSource.GroundTruth)
        {
            slots = [.. frames.Frames.Select(f => f.GroundTruthCues)];
        }
        else
        {
            var captioner = encoders.Captioner ?? throw new ArgumentException("Predicted cues need a captioner run (--captioner-run).");
            descriptions = cache.GetOrComputeText($"captions-{encoders.CaptionerFingerprint}-{split}", frames.Count, () => Describe(captioner, frames, split, stages));
            var lexicon = new LexiconTextCueExtractor();
            slots = [.. descriptions.Select(d => lexicon.Extract(d).ToSlots())];
        }

        var (vectors, valid) = encoders.Cues.Encode(slots);
        var dim = vectors.GetLength(2);
        var flat = new float[vectors.Length];
        Buffer.BlockCopy(vectors, 0, flat, 0, flat.Length * sizeof(float));
        var validFlat = new bool[valid.Length];
        Buffer.BlockCopy(valid, 0, validFlat, 0, validFlat.Length * sizeof(bool));
        return new CueInputs(slots, descriptions, flat, validFlat, dim);
    }

    /// <summary>Rebuilds frame <paramref name="row"/> of <paramref name="frames"/> as an RGB image.</summary>
    public static RgbImage Image(SegmentationFrames frames, int row)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var plane = frames.Size * frames.Size;
        var chw = frames.Images.AsSpan(row * frames.ImageLength, frames.ImageLength);
        var pixels = new byte[3 * plane];
        for (var p = 0; p < plane; p++)
        {
            pixels[3 * p] = chw[p];
            pixels[(3 * p) + 1] = chw[plane + p];
            pixels[(3 * p) + 2] = chw[(2 * plane) + p];
        }

        return new RgbImage(frames.Size, frames.Size, pixels);
    }

    private static string[] Describe(CaptionerRun captioner, SegmentationFrames frames, string split, IProgress<(string Stage, int Done, int Total)>? stages)
    {
        var result = new List<string>(frames.Count);
        for (var start = 0; start < frames.Count; start += FramesPerCaptionBatch)
        {
            var images = Enumerable.Range(start, Math.Min(FramesPerCaptionBatch, frames.Count - start)).Select(r => Image(frames, r)).ToList();
            result.AddRange(captioner.Describe(images, DecodeOptions.Greedy));
            stages?.Report(($"caption {split}", result.Count, frames.Count));
        }

        return [.. result];
    }
}
