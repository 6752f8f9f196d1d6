using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SegPref.Inference.Abstractions;
using SegPref.Inference.Onnx;
using SegPref.Inference.Repository;
using SegPref.Media.Imaging;

namespace SegPref.Inference.Sessions;

/// <summary>
/// <see cref="IImageCaptioner"/> over an exported captioner: the "model" graph encodes the frames once
/// (images -> memory), the "decoder" graph gives next-token log-probabilities for a prefix, and greedy decoding runs
/// here (most likely token, lowest id on ties), as CaptionerRun's greedy decoder.
/// </summary>
public sealed class OnnxCaptioner : IImageCaptioner, IDisposable
{
    /// <summary>Role of the decoder-step graph in config.json's files/graphs.</summary>
    public const string DecoderRole = "decoder";

    private readonly OnnxModel _encoder;
    private readonly OnnxModel _decoder;
    private readonly CaptionWords _words;
    private readonly float[] _mean;
    private readonly float[] _std;
    private readonly int _size;
    private readonly int _steps;
    private readonly long _bos;
    private readonly int _eos;

    /// <summary>Wraps the two loaded graphs of one captioner entry.</summary>
    /// <exception cref="InvalidDataException">config.json lacks what a captioner needs.</exception>
    public OnnxCaptioner(OnnxModel encoder, OnnxModel decoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(decoder);
        (_encoder, _decoder) = (encoder, decoder);
        var c = encoder.Config;
        var p = c.Preprocessing;
        if (p.ImageSize is not > 0 || p.Mean is not { Count: 3 } || p.Std is not { Count: 3 } || p.MaxTokens is not > 1 || p.BosId is null || p.EosId is null || p.FirstWordId is null)
        {
            throw new InvalidDataException($"{encoder.Entry.Dir}/config.json: a captioner needs preprocessing.image_size, mean[3], std[3], max_tokens, bos_id, eos_id and first_word_id.");
        }

        (_size, _mean, _std, _steps, _bos) = (p.ImageSize.Value, [.. p.Mean], [.. p.Std], p.MaxTokens.Value - 1, p.BosId.Value);
        _eos = p.EosId.Value;
        _words = CaptionWords.Read(c.FilePath(encoder.Entry.Dir, ModelConfig.VocabularyFile), p.EosId.Value, p.FirstWordId.Value);
    }

    /// <inheritdoc/>
    public ModelIdentity Identity => _encoder.Identity;

    /// <inheritdoc/>
    public ModelConfig? Config => _encoder.Config;

    /// <inheritdoc/>
    public IReadOnlyList<string> Describe(IReadOnlyList<RgbImage> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        Shapes.Require(frames.Count > 0, "frames", "at least one frame", "none", nameof(frames));
        var n = frames.Count;
        var images = new DenseTensor<float>(ImageTensor.ToChwBatch(frames, _size, _size, _mean, _std), [n, 3, _size, _size]);
        DenseTensor<float> memory;
        using (var encoded = _encoder.Run([NamedOnnxValue.CreateFromTensor(TensorNames.Images, images)]))
        {
            var t = encoded[0].AsTensor<float>();
            memory = new DenseTensor<float>(t.ToArray(), t.Dimensions.ToArray());
        }

        var memoryInput = NamedOnnxValue.CreateFromTensor(TensorNames.Memory, memory);
        var outputs = Greedy.Decode(n, _bos, _eos, _steps, (ids, length) => _decoder.RunFloat(
            [memoryInput, NamedOnnxValue.CreateFromTensor(TensorNames.Tokens, new DenseTensor<long>(ids, [n, length]))],
            TensorNames.NextLogProbs));
        return [.. outputs.Select(_words.Decode)];
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _encoder.Dispose();
        _decoder.Dispose();
    }
}
