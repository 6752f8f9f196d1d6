using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SegPref.Inference.Abstractions;
using SegPref.Inference.Onnx;
using SegPref.Inference.Repository;
using SegPref.Media.Imaging;

namespace SegPref.Inference.Sessions;

/// <summary>
/// <see cref="IImageCaptioner"/> over a third-party Hugging Face "vision-encoder-decoder" ONNX export (architecture
/// "vision-encoder-decoder"): the "model" graph maps pixel_values [B,3,H,W] to last_hidden_state [B,N,D], the
/// "decoder" graph maps input_ids [B,L] and encoder_hidden_states [B,N,D] to logits [B,L,V]. Greedy decoding (most
/// likely token at the last position, lowest id on ties) starts from decoder_start_id (else bos_id) and stops at
/// eos_id or max_tokens; a GPT-2 byte-level BPE tokenizer (files.tokenizer_vocab, files.tokenizer_merges) turns the
/// ids into text.
/// </summary>
public sealed class OnnxVisionEncoderDecoderCaptioner : IImageCaptioner, IDisposable
{
    /// <summary>Architecture value in config.json.</summary>
    public const string Architecture = "vision-encoder-decoder";

    /// <summary>Role of the GPT-2 vocab.json in config.json's files.</summary>
    public const string VocabRole = "tokenizer_vocab";

    /// <summary>Role of the GPT-2 merges.txt in config.json's files.</summary>
    public const string MergesRole = "tokenizer_merges";

    /// <summary>Encoder input: normalised images [B,3,H,W] float32.</summary>
    public const string PixelValues = "pixel_values";

    /// <summary>Encoder output: visual tokens [B,N,D] float32.</summary>
    public const string LastHiddenState = "last_hidden_state";

    /// <summary>Decoder input: the encoder's output [B,N,D] float32.</summary>
    public const string EncoderHiddenStates = "encoder_hidden_states";

    /// <summary>Decoder output: next-token logits for every prefix position [B,L,V] float32.</summary>
    public const string Logits = "logits";

    private readonly OnnxModel _encoder;
    private readonly OnnxModel _decoder;
    private readonly Gpt2Detokenizer _tokenizer;
    private readonly float[] _mean;
    private readonly float[] _std;
    private readonly int _size;
    private readonly int _steps;
    private readonly long _start;
    private readonly int _eos;

    /// <summary>Wraps the encoder ("model") and decoder graphs of one entry and reads its tokenizer.</summary>
    /// <exception cref="InvalidDataException">config.json lacks what this captioner needs, or the tokenizer files are missing or do not hold the special ids.</exception>
    public OnnxVisionEncoderDecoderCaptioner(OnnxModel encoder, OnnxModel decoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(decoder);
        (_encoder, _decoder) = (encoder, decoder);
        var c = encoder.Config;
        var dir = encoder.Entry.Dir;
        var p = c.Preprocessing;
        if (p.ImageSize is not > 0 || p.Mean is not { Count: 3 } || p.Std is not { Count: 3 } || p.MaxTokens is not > 1 || p.BosId is null || p.EosId is null || p.RescaleFactor is <= 0)
        {
            throw new InvalidDataException($"{dir}/config.json: a vision-encoder-decoder captioner needs preprocessing.image_size, mean[3], std[3], max_tokens > 1, bos_id and eos_id (rescale_factor, if given, > 0).");
        }

        if (p.Std.Any(s => s <= 0))
        {
            throw new InvalidDataException($"{dir}/config.json: preprocessing.std must be positive, got [{string.Join(", ", p.Std)}].");
        }

        // ImageTensor normalises [0,1] pixels; dividing mean/std by 255*rescale gives (raw*rescale - mean)/std.
        var scale = 255f * (p.RescaleFactor ?? 1f / 255f);
        (_size, _mean, _std) = (p.ImageSize.Value, [.. p.Mean.Select(m => m / scale)], [.. p.Std.Select(s => s / scale)]);
        (_steps, _start, _eos) = (p.MaxTokens.Value - 1, p.DecoderStartId ?? p.BosId.Value, p.EosId.Value);
        var special = new Dictionary<string, int> { ["bos_id"] = p.BosId.Value, ["eos_id"] = p.EosId.Value };
        if (p.DecoderStartId is { } start)
        {
            special["decoder_start_id"] = start;
        }

        _tokenizer = Gpt2Detokenizer.Read(c.FilePath(dir, VocabRole), c.FilePath(dir, MergesRole), special);
        var vocab = decoder.Spec.Outputs.FirstOrDefault(o => o.Name == Logits)?.Shape is { Count: 3 } shape ? shape[2] : 0;
        if (vocab > 0 && vocab < _tokenizer.Count)
        {
            throw new InvalidDataException($"{dir}/config.json: the decoder's logits have {vocab} classes but vocab.json has {_tokenizer.Count} tokens.");
        }
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
        var pixels = new DenseTensor<float>(ImageTensor.ToChwBatch(frames, _size, _size, _mean, _std), [n, 3, _size, _size]);
        DenseTensor<float> hidden;
        using (var encoded = _encoder.Run([NamedOnnxValue.CreateFromTensor(PixelValues, pixels)]))
        {
            var t = encoded.First(v => v.Name == LastHiddenState).AsTensor<float>();
            hidden = new DenseTensor<float>(t.ToArray(), t.Dimensions.ToArray());
        }

        var hiddenInput = NamedOnnxValue.CreateFromTensor(EncoderHiddenStates, hidden);
        var outputs = Greedy.Decode(n, _start, _eos, _steps, (ids, length) =>
        {
            // Only the last position predicts the next token.
            var logits = _decoder.RunFloat([NamedOnnxValue.CreateFromTensor(TensorNames.InputIds, new DenseTensor<long>(ids, [n, length])), hiddenInput], Logits);
            var vocab = logits.Length / (n * length);
            var last = new float[n * vocab];
            for (var r = 0; r < n; r++)
            {
                logits.AsSpan((((r * length) + length - 1) * vocab), vocab).CopyTo(last.AsSpan(r * vocab));
            }

            return last;
        });
        return [.. outputs.Select(_tokenizer.Decode)];
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _encoder.Dispose();
        _decoder.Dispose();
    }
}
