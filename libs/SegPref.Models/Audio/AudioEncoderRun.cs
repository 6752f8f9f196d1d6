using System.Runtime.InteropServices;
using SegPref.Media.Audio;
using SegPref.Models.Torch;
using SegPref.Models.Weights;
using static TorchSharp.torch;

namespace SegPref.Models.Audio;

/// <summary>
/// A trained audio encoder loaded from a train-audio run folder (the frozen VGGish, eval mode, plus its tagging head), or
/// imported from a torchvggish-layout state dict (.pth or .safetensors; the VGGish alone, no head). Not thread-safe: use
/// one instance per thread.
/// </summary>
public sealed class AudioEncoderRun : IDisposable
{
    /// <summary>Weights file inside a run folder (TorchSharp format, the whole tagger).</summary>
    public const string WeightsFile = "weights.bin";

    private readonly Vggish _encoder;
    private readonly AudioTagger? _tagger;

    private AudioEncoderRun(Vggish encoder, AudioTagger? tagger, AudioEncoderConfig config)
    {
        _encoder = encoder;
        _tagger = tagger;
        Config = config;
        nn.Module module = tagger is null ? encoder : tagger;
        module.eval();
        foreach (var parameter in module.parameters())
        {
            parameter.requires_grad = false;
        }
    }

    /// <summary>How the run was trained (preset, classes, hyper-parameters).</summary>
    public AudioEncoderConfig Config { get; }

    /// <summary>The frozen encoder module, for callers that compose it into their own graph.</summary>
    public Vggish Encoder => _encoder;

    /// <summary>The full tagger (encoder + head).</summary>
    /// <exception cref="InvalidOperationException">Imported weights have no tagging head.</exception>
    public AudioTagger Tagger => _tagger ?? throw new InvalidOperationException($"{Config.Data}: imported VGGish weights have no tagging head.");

    /// <summary>Whether <paramref name="path"/> is a weights file <see cref="Load"/> imports (.pth, .pt or .safetensors) rather than a run folder.</summary>
    public static bool IsWeightsFile(string path) => PyTorchStateDict.IsWeightsFile(path);

    /// <summary>The file whose bytes identify the encoder: weights.bin of a run folder, or the imported state dict itself.</summary>
    public static string WeightsPath(string runDirOrFile) =>
        PyTorchStateDict.IsWeightsFile(runDirOrFile) ? runDirOrFile : Path.Combine(runDirOrFile, WeightsFile);

    /// <summary>
    /// Loads a train-audio run folder (config.json and weights.bin), or imports a torchvggish-layout state dict when
    /// <paramref name="runDir"/> is a .pth, .pt or .safetensors file (<see cref="Import"/>).
    /// </summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">The files do not match each other (preset or class count) or are malformed.</exception>
    public static AudioEncoderRun Load(string runDir)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDir);
        if (PyTorchStateDict.IsWeightsFile(runDir))
        {
            return Import(runDir);
        }

        var config = AudioEncoderConfig.Read(runDir);
        var weights = Path.Combine(runDir, WeightsFile);
        if (!File.Exists(weights))
        {
            throw new FileNotFoundException($"{weights}: audio encoder weights not found.", weights);
        }

        TorchRuntime.EnsureInitialized();
        VggishPreset preset;
        try
        {
            preset = VggishPreset.FromName(config.Preset);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{Path.Combine(runDir, AudioEncoderConfig.FileName)}: {ex.Message}", ex);
        }

        var tagger = new AudioTagger(preset, config.ClassIndices.Length);
        try
        {
            tagger.load(weights, strict: true);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or ExternalException)
        {
            tagger.Dispose();
            throw new InvalidDataException($"{weights}: does not match config.json (preset '{config.Preset}', {config.ClassIndices.Length} classes): {ex.Message}", ex);
        }

        return new AudioEncoderRun(tagger.Encoder, tagger, config);
    }

    /// <summary>
    /// Imports torchvggish weights (<see cref="VggishWeights.Load"/>: the published vggish-10086976.pth, a .safetensors
    /// copy, or any state dict in that key layout) as a frozen encoder without a tagging head. Its config records the
    /// preset found and the file (<see cref="AudioEncoderConfig.Data"/>), with no classes.
    /// </summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not a torchvggish-layout state dict.</exception>
    public static AudioEncoderRun Import(string path)
    {
        TorchRuntime.EnsureInitialized();
        var vggish = VggishWeights.Load(path);
        var config = new AudioEncoderConfig(vggish.Preset.Name, [], [], 0, 0, 0, 0, 0, "none", Path.GetFullPath(path), "imported torchvggish state dict");
        return new AudioEncoderRun(vggish, null, config);
    }

    /// <summary>Saves <paramref name="tagger"/> and <paramref name="config"/> as a run folder that <see cref="Load"/> reads.</summary>
    public static void Save(AudioTagger tagger, AudioEncoderConfig config, string runDir)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(config);
        config.Write(runDir);
        Training.WeightsFile.Save(tagger, Path.Combine(runDir, WeightsFile));
    }

    /// <summary>Embeddings [N, 128] of all examples of a clip in one batch, as a tensor the caller owns.</summary>
    public Tensor EmbedTensor(LogMelExamples examples) => Run(examples, _encoder.call);

    /// <summary>Time-frequency maps [N, <see cref="Vggish.MapWidth"/>] of all examples of a clip (<see cref="Vggish.Map"/>).</summary>
    public float[,] Map(LogMelExamples examples) => ToMatrix(Run(examples, _encoder.Map), _encoder.MapWidth);

    /// <summary>Embeddings [N, 128] of all examples of a clip.</summary>
    public float[,] Embed(LogMelExamples examples) => ToMatrix(EmbedTensor(examples), Vggish.EmbeddingSize);

    /// <summary>Embeddings [seconds, 128] of a waveform: VGGish log-mel with AVSBench padding, then <see cref="Embed(LogMelExamples)"/>.</summary>
    public float[,] Embed(AudioClip clip, int seconds) => Embed(VggishLogMel.ComputeExamples(clip, seconds));

    /// <summary>Sigmoid tag probabilities [N, C]; column c is AVSS class <c>Config.ClassIndices[c]</c>.</summary>
    public float[,] Tag(LogMelExamples examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var tagger = Tagger;
        var scores = TaggerScoring.Scores(tagger, examples.Data, examples.Count);
        var matrix = new float[examples.Count, tagger.ClassCount];
        Buffer.BlockCopy(scores, 0, matrix, 0, scores.Length * sizeof(float));
        return matrix;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_tagger is null)
        {
            _encoder.Dispose();
        }
        else
        {
            _tagger.Dispose();
        }
    }

    // The encoder's output (embedding or map) for the examples as one batch [N, 1, 96, 64], without gradients.
    private static Tensor Run(LogMelExamples examples, Func<Tensor, Tensor> encode)
    {
        ArgumentNullException.ThrowIfNull(examples);
        using var noGrad = no_grad();
        using var input = tensor(examples.Data, [examples.Count, 1, LogMelExamples.FrameCount, LogMelExamples.BandCount]);
        return encode(input);
    }

    private static float[,] ToMatrix(Tensor values, int columns)
    {
        using (values)
        {
            var flat = values.data<float>().ToArray();
            var matrix = new float[flat.Length / columns, columns];
            Buffer.BlockCopy(flat, 0, matrix, 0, flat.Length * sizeof(float));
            return matrix;
        }
    }
}
