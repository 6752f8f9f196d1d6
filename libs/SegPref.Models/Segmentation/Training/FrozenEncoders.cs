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
    private FrozenEncoders(AudioEncoderRun audio, CueEncoderRun cues, CaptionerRun? captioner, EncoderRunPaths paths, bool audioMap)
    {
        Audio = audio;
        AudioMap = audioMap;
        Cues = cues;
        Captioner = captioner;
        Paths = paths;
        AudioFingerprint = Fingerprint(AudioEncoderRun.WeightsPath(paths.Audio));
        CueFingerprint = Fingerprint(Path.Combine(paths.Cues, CueEncoderRun.WeightsFile));
        CaptionerFingerprint = captioner is null ? null : Fingerprint(Path.Combine(paths.Captioner!, captioner.Config.WeightsFile));
    }

    /// <summary>The frozen audio encoder (a train-audio run, or imported torchvggish weights).</summary>
    public AudioEncoderRun Audio { get; }

    /// <summary>
    /// True when the segmenter reads the audio encoder's time-frequency map (<see cref="AudioEncoderRun.Map"/>, one row of
    /// <see cref="AudioWidth"/> values per second) instead of its 128-d embedding.
    /// </summary>
    public bool AudioMap { get; }

    /// <summary>Width of one second's audio features: the map's or the embedding's.</summary>
    public int AudioWidth => AudioMap ? Audio.Encoder.MapWidth : Vggish.EmbeddingSize;

    /// <summary>Identifies the audio features in cache keys: the encoder's fingerprint, and the map when <see cref="AudioMap"/>.</summary>
    public string AudioFeatureKey => AudioMap ? $"map-{AudioFingerprint}" : AudioFingerprint;

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

    /// <summary>
    /// Loads the runs; the captioner only when <paramref name="paths"/> names one. With <paramref name="audioMap"/> the
    /// audio features are the encoder's time-frequency map (<see cref="AudioMap"/>).
    /// </summary>
    /// <exception cref="FileNotFoundException">A run file is missing.</exception>
    /// <exception cref="InvalidDataException">A run folder is malformed.</exception>
    public static FrozenEncoders Load(EncoderRunPaths paths, bool audioMap = false)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var audio = AudioEncoderRun.Load(paths.Audio);
        CueEncoderRun? cues = null;
        try
        {
            cues = CueEncoderRun.Load(paths.Cues);
            var captioner = paths.Captioner is null ? null : CaptionerRun.Load(paths.Captioner);
            return new FrozenEncoders(audio, cues, captioner, paths, audioMap);
        }
        catch
        {
            audio.Dispose();
            cues?.Dispose();
            throw;
        }
    }

    /// <summary>The audio features [N, <see cref="AudioWidth"/>] of log-mel examples: the map or the embedding.</summary>
    public float[,] AudioFeatures(LogMelExamples examples) => AudioMap ? Audio.Map(examples) : Audio.Embed(examples);

    /// <summary>The audio features of one second of digital silence [<see cref="AudioWidth"/>] (TeSO's reference for "no sound").</summary>
    public float[] SilenceEmbedding()
    {
        var silence = new AudioClip(new float[VggishLogMel.SampleRateHz], VggishLogMel.SampleRateHz);
        var matrix = AudioFeatures(VggishLogMel.ComputeExamples(silence, 1));
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
