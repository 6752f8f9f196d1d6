using SegPref.Avs.Avss;
using SegPref.Media.Audio;
using SkiaSharp;

namespace SegPref.Avs.Synth;

/// <summary>Generates and writes one clip from its own random stream (so clips are independent and parallel-safe).</summary>
internal static class SynthClipWriter
{
    public const string Label = "synth";

    private const long RealisticAudioSalt = 0x5EA1_1571_CA0D_10L;

    public static string UidOf(string split, int clipIndex) => $"synth_{split.Replace('-', '_')}_{clipIndex:D5}";

    public static AvssMetadataRow Write(string root, SynthConfig config, SynthSoundingModel model, int splitIndex, int clipIndex)
    {
        var split = SynthSplits.All[splitIndex];
        var uid = UidOf(split, clipIndex);
        var rng = SynthRandom.ForClip(config.Seed, splitIndex, clipIndex);
        var (size, frames) = (config.FrameSizePx, config.FramesPerClip);
        var cast = model.Draw(rng, new SynthStrata(config.Seed, splitIndex, clipIndex), frames);

        // The realistic preset's audio draws come from a stream of their own, so its frames and descriptions equal the
        // standard preset's for the same seed (only the audio and the roles of off-screen-only frames differ).
        var realistic = config.HasOffScreen || config.NoiseFloorDbfs is not null || config.PitchSpreadSemitones > 0 || config.TimbreVariation;
        var audioRng = realistic ? SynthRandom.ForClip(config.Seed ^ RealisticAudioSalt, splitIndex, clipIndex) : rng;
        var offScreen = config.HasOffScreen ? SynthOffScreen.Plan(config, cast, audioRng) : null;

        // Audible labels (SynthConfig.AudibleLabelDb) need the mix before the labels are drawn; the realistic audio has its
        // own random stream, so mixing first changes no draw. The audio always follows the plan (cast), the labels may not.
        var audio = realistic ? SynthMixer.Mix(cast, offScreen, config, audioRng) : null;
        var labelled = audio is not null && config.AudibleLabelDb is { } threshold ? audio.Audible(cast, threshold) : cast;
        var plans = SynthLayout.Place(cast, size, frames, rng);
        var background = SynthBackground.Draw(size, rng);

        var row = new AvssMetadataRow(uid, uid, 0, 0, string.Join(',', SoundingClasses(labelled)), split, Label);
        var dir = AvssLayout.ClipDir(root, row);
        var framesDir = Directory.CreateDirectory(Path.Combine(dir, AvssLayout.FramesFolder)).FullName;
        var labelsDir = Directory.CreateDirectory(Path.Combine(dir, AvssLayout.LabelsFolder)).FullName;
        var extension = config.FrameFormat == SynthFrameFormat.Png ? "png" : "jpg";
        var infos = new SynthFrameInfo[frames];
        for (var t = 0; t < frames; t++)
        {
            var visibleFraction = SynthRenderer.VisibleFractions(plans, size, t);
            var visible = Enumerable.Range(0, plans.Length).Where(i => visibleFraction[i] > 0).ToArray();
            var (description, cues) = SynthDescriber.Describe(visible.Select(i => plans[i]).ToArray(), size, t, rng);
            var objects = visible.Select(i => new SynthObjectInfo(plans[i].Kind, labelled.Sounding[t][i], plans[i].Distractor, BoxOf(plans[i].Boxes[t]))).ToArray();
            infos[t] = new SynthFrameInfo(t, description, cues, objects) { OffScreen = OffScreenAt(offScreen, t, config) };
            File.WriteAllBytes(Path.Combine(framesDir, $"{t}.{extension}"), SynthRenderer.EncodeFrame(background, plans, size, t, config.FrameFormat));
            SynthRenderer.Labels(plans, labelled.Sounding[t], size, t).SaveRgbPng(Path.Combine(labelsDir, $"{t}.png"));
        }

        audio ??= SynthMixer.Mix(cast, offScreen, config, audioRng);
        WavFile.Write(Path.Combine(dir, AvssLayout.AudioFile), new AudioClip(audio.Mix, SynthConfig.SampleRateHz), WavSampleFormat.Pcm16);
        WavFile.Write(Path.Combine(dir, AvssLayout.NoiseFile), new AudioClip(audio.Noise, SynthConfig.SampleRateHz), WavSampleFormat.Pcm16);
        var noise = config.NoiseFloorDbfs is null ? null : new SynthNoiseInfo(Math.Round(audio.NoiseDb, 2));
        File.WriteAllText(Path.Combine(dir, AvssLayout.SynthClipFile), new SynthClipInfo(uid, split, infos) { Noise = noise }.ToJson());
        return row;
    }

    // Distinct sounding classes of the clip in drawing order (a_obj of metadata.csv).
    private static IEnumerable<string> SoundingClasses(SynthCast cast) =>
        Enumerable.Range(0, cast.Kinds.Length)
            .Where(i => !cast.Distractor[i] && cast.Sounding.Any(frame => frame[i]))
            .Select(i => cast.Kinds[i])
            .Distinct(StringComparer.Ordinal);

    // The off-screen classes audible in frame t (null in the standard preset, so its synth.json is unchanged).
    private static string[]? OffScreenAt(SynthOffScreen? offScreen, int t, SynthConfig config) =>
        !config.HasOffScreen ? null : offScreen is { } o && o.Sounding[t] ? [o.Kind] : [];

    private static int[] BoxOf(SKRect r) =>
        [(int)MathF.Floor(r.Left), (int)MathF.Floor(r.Top), (int)MathF.Ceiling(r.Width), (int)MathF.Ceiling(r.Height)];
}
