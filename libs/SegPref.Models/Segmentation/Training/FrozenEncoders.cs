using System.Security.Cryptography;
using SegPref.Media.Audio;
using SegPref.Models.Audio;
using SegPref.Models.Captioning;
using SegPref.Models.Cues;

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// The frozen encoders a segmenter trains on top of: the audio encoder (train-audio run), the cue encoder (train-cues
/// run) and, for predicted cues, the captioner (train-captioner run). Each is identified by a fingerprint of its weights
/// so that cached outputs are never reused across different encoders.
/// </summary>
public sealed class FrozenEncoders : IDisposable
{
    private FrozenEncoders(AudioEncoderRun audio, CueEncoderRun cues, CaptionerRun? captioner, EncoderRunPaths paths)
    {
        Audio = audio;
        Cues = cues;
        Captioner = captioner;
        Paths = paths;
        AudioFingerprint = Fingerprint(AudioEncoderRun.WeightsPath(paths.Audio));
        CueFingerprint = Fingerprint(Path.Combine(paths.Cues, CueEncoderRun.WeightsFile));
        CaptionerFingerprint = captioner is null ? null : Fingerprint(Path.Combine(paths.Captioner!, captioner.Config.WeightsFile));
    }

    /// <summary>The frozen audio encoder (a train-audio run, or imported torchvggish weights).</summary>
    public AudioEncoderRun Audio { get; }

    /// <summary>The frozen cue encoder.</summary>
    public CueEncoderRun Cues { get; }

    /// <summary>The frozen captioner (null when cues come from the ground truth).</summary>
    public CaptionerRun? Captioner { get; }

    /// <summary>Where the runs were loaded from.</summary>
    public EncoderRunPaths Paths { get; }

    /// <summary>First 12 hex digits of SHA-256 of the audio weights.</summary>
    public string AudioFingerprint { get; }

    /// <summary>First 12 hex digits of SHA-256 of the cue-encoder weights.</summary>
    public string CueFingerprint { get; }

    /// <summary>First 12 hex digits of SHA-256 of the captioner weights (null without a captioner).</summary>
    public string? CaptionerFingerprint { get; }

    /// <summary>Loads the runs; the captioner only when <paramref name="paths"/> names one.</summary>
    /// <exception cref="FileNotFoundException">A run file is missing.</exception>
    /// <exception cref="InvalidDataException">A run folder is malformed.</exception>
    public static FrozenEncoders Load(EncoderRunPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var audio = AudioEncoderRun.Load(paths.Audio);
        CueEncoderRun? cues = null;
        try
        {
            cues = CueEncoderRun.Load(paths.Cues);
            var captioner = paths.Captioner is null ? null : CaptionerRun.Load(paths.Captioner);
            return new FrozenEncoders(audio, cues, captioner, paths);
        }
        catch
        {
            audio.Dispose();
            cues?.Dispose();
            throw;
        }
    }

    /// <summary>The audio encoder's embedding of one second of digital silence [128] (TeSO's reference for "no sound").</summary>
    public float[] SilenceEmbedding()
    {
        var silence = new AudioClip(new float[VggishLogMel.SampleRateHz], VggishLogMel.SampleRateHz);
        var matrix = Audio.Embed(silence, 1);
        var row = new float[matrix.GetLength(1)];
        Buffer.BlockCopy(matrix, 0, row, 0, row.Length * sizeof(float));
        return row;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Audio.Dispose();
        Cues.Dispose();
        Captioner?.Dispose();
    }

    internal static string Fingerprint(string weightsFile)
    {
        using var stream = File.OpenRead(weightsFile);
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
    }
}
