using SegPref.Avs.Avss;
using SegPref.Avs.Data;
using SegPref.Avs.Metrics;
using SegPref.Media.Audio;

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// Scores split by how audible the frame's sounding objects are: for each AVS-Synth frame, the power of the clip's audio
/// over the power of its noise floor (noise.wav) in that second, in dB. Where no off-screen source sounds that is the
/// visible sounding sources' level alone; frames with an off-screen source form a band of their own. The ground truth
/// paints a planned sounding object even when it is under the floor, where only the image can tell it; this table
/// shows what a model earns there and where the audio carries the evidence.
/// </summary>
public static class AudibilityBreakdown
{
    /// <summary>The bands, in order.</summary>
    public static IReadOnlyList<string> Bands { get; } =
        ["nothing visible sounds", "sounding with an off-screen source", "sounding alone, below the floor (< 0 dB)", "sounding alone, 0-10 dB over the floor", "sounding alone, >= 10 dB over the floor"];

    /// <summary>
    /// The audio's power over the floor's in each row's second, in dB (floored at -60), or null where the clip has no
    /// noise.wav (real data, the standard preset before generator 1.1.0); and whether an off-screen source sounds in
    /// that second (then the level is not the visible sources' alone).
    /// </summary>
    /// <exception cref="InvalidDataException">The split's clips do not line up with the frames.</exception>
    public static FrameLevel?[] FrameDb(AvsData data, string split, SegmentationFrames frames)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(frames);
        var db = new FrameLevel?[frames.Count];
        var uids = data.Uids(split);
        if (uids.Count != frames.Clips.Count)
        {
            throw new InvalidDataException($"{data.Description}: split '{split}' has {uids.Count} clips but {frames.Clips.Count} were loaded.");
        }

        for (var i = 0; i < uids.Count; i++)
        {
            var clip = data.LoadClip(split, i);
            var synth = (clip as AvssClip)?.Synth;
            var noisePath = Path.Combine(clip.Dir, AvssLayout.NoiseFile);
            if (!File.Exists(noisePath))
            {
                continue;
            }

            var (audio, noise) = (WavFile.Read(clip.AudioPath), WavFile.Read(noisePath));
            var (start, count) = frames.Clips[i];
            for (var r = start; r < start + count; r++)
            {
                var second = frames.Frames[r].FrameIndex;
                var a = Second(audio, second);
                var n = Second(noise, second);
                var ratio = n.Length == 0 ? 0 : AudioPerturbation.MeanPower(a) / Math.Max(AudioPerturbation.MeanPower(n), 1e-12);
                var offScreen = synth?.Frames.FirstOrDefault(f => f.Index == second)?.OffScreen is { Length: > 0 };
                db[r] = new FrameLevel(10 * Math.Log10(Math.Max(ratio - 1, 1e-6)), offScreen);
            }
        }

        return db;
    }

    /// <summary>One row per band that has frames (frames without a level are left out).</summary>
    /// <exception cref="ArgumentException">The counts do not match the frames.</exception>
    public static IReadOnlyList<AudibilityBand> Compute(SegmentationFrames frames, IReadOnlyList<float[]> probabilities, IReadOnlyList<FrameLevel?> db)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(db);
        if (probabilities.Count != frames.Count || db.Count != frames.Count)
        {
            throw new ArgumentException($"Expected {frames.Count} probability maps and levels.", nameof(probabilities));
        }

        var tallies = Bands.Select(_ => (Frames: 0, J: 0.0, Blank: 0)).ToArray();
        for (var r = 0; r < frames.Count; r++)
        {
            if (db[r] is not { } frame)
            {
                continue;
            }

            var level = frame.Db;
            var truth = frames.Masks.AsSpan(r * frames.MaskLength, frames.MaskLength);
            var band = !truth.ContainsAnyExcept((byte)0) ? 0 : frame.OffScreen ? 1 : level < 0 ? 2 : level < 10 ? 3 : 4;
            var probs = probabilities[r];
            var blank = !probs.Any(p => p > AvsJaccard.Threshold);
            tallies[band] = (tallies[band].Frames + 1, tallies[band].J + AvsJaccard.Frame(probs, truth), tallies[band].Blank + (blank ? 1 : 0));
        }

        return [.. tallies.Select((t, b) => (t, b)).Where(x => x.t.Frames > 0)
            .Select(x => new AudibilityBand(Bands[x.b], x.t.Frames, x.t.J / x.t.Frames, (double)x.t.Blank / x.t.Frames))];
    }

    private static ReadOnlySpan<float> Second(AudioClip clip, int second)
    {
        var start = Math.Min(clip.Samples.Length, second * clip.SampleRateHz);
        return clip.Samples.AsSpan(start, Math.Min(clip.SampleRateHz, clip.Samples.Length - start));
    }
}

/// <summary>A frame's audio level over its noise floor.</summary>
/// <param name="Db">All sources over the floor in dB.</param>
/// <param name="OffScreen">An off-screen source sounds in that second.</param>
public readonly record struct FrameLevel(double Db, bool OffScreen);

/// <summary>One band of an <see cref="AudibilityBreakdown"/>.</summary>
/// <param name="Band">Its name.</param>
/// <param name="Frames">Frames in it.</param>
/// <param name="J">Mean official per-frame Jaccard there.</param>
/// <param name="Blank">Share of its frames with nothing painted.</param>
public sealed record AudibilityBand(string Band, int Frames, double J, double Blank);
