using Microsoft.ML.Tokenizers;
using SegPref.Cues;
using SegPref.Inference.Abstractions;
using SegPref.Inference.Onnx;
using SegPref.Inference.Repository;

namespace SegPref.Inference.Sessions;

/// <summary>
/// <see cref="ICueEmbedder"/> over a third-party ONNX text encoder (architecture "text-encoder") with a BERT WordPiece
/// vocabulary (files.tokenizer = vocab.txt): each non-"None" cue word is encoded as [CLS] word [SEP], padded per batch,
/// through input_ids/attention_mask -> text_embeds [B,D], optionally L2-normalised. Any word is valid except padding.
/// </summary>
public sealed class OnnxTextCueEmbedder : ICueEmbedder, IDisposable
{
    /// <summary>Architecture value in config.json.</summary>
    public const string Architecture = "text-encoder";

    /// <summary>Role of the WordPiece vocabulary in config.json's files.</summary>
    public const string TokenizerRole = "tokenizer";

    private readonly OnnxModel _model;
    private readonly BertTokenizer _tokenizer;
    private readonly bool _normalize;

    /// <summary>Wraps a loaded text-encoder entry and reads its tokenizer.</summary>
    /// <exception cref="InvalidDataException">Missing or unreadable tokenizer file.</exception>
    public OnnxTextCueEmbedder(OnnxModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        var path = model.Config.FilePath(model.Entry.Dir, TokenizerRole);
        try
        {
            _tokenizer = BertTokenizer.Create(path);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a WordPiece vocabulary: {ex.Message}", ex);
        }

        _normalize = model.Config.Preprocessing.Normalize ?? false;
        EmbeddingSize = Shapes.Dim(model.Config.Output(TensorNames.TextEmbeds), 1);
    }

    /// <inheritdoc/>
    public ModelIdentity Identity => _model.Identity;

    /// <inheritdoc/>
    public ModelConfig? Config => _model.Config;

    /// <inheritdoc/>
    public int EmbeddingSize { get; }

    /// <inheritdoc/>
    public CueEmbeddings Embed(IReadOnlyList<string[]> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var n = slots.Count;
        var valid = new bool[n * CueSlots.Count];
        var texts = new List<(int Frame, int Slot, IReadOnlyList<int> Ids)>();
        for (var f = 0; f < n; f++)
        {
            if (slots[f] is not { Length: CueSlots.Count } frame)
            {
                throw new ArgumentException($"Frame {f} has {slots[f]?.Length ?? 0} cue slots; every frame needs exactly {CueSlots.Count} (pad with \"{CueSlots.None}\").", nameof(slots));
            }

            for (var s = 0; s < CueSlots.Count; s++)
            {
                var word = frame[s];
                if (!string.IsNullOrWhiteSpace(word) && !word.Trim().Equals(CueSlots.None, StringComparison.OrdinalIgnoreCase))
                {
                    valid[(f * CueSlots.Count) + s] = true;
                    texts.Add((f, s, _tokenizer.EncodeToIds(word.Trim(), addSpecialTokens: true, considerPreTokenization: true, considerNormalization: true)));
                }
            }
        }

        var vectors = new float[n * CueSlots.Count * EmbeddingSize];
        if (texts.Count == 0)
        {
            return new CueEmbeddings(vectors, valid);
        }

        var length = texts.Max(t => t.Ids.Count);
        var ids = new long[texts.Count * length];
        var mask = new long[texts.Count * length];
        Array.Fill(ids, _tokenizer.PaddingTokenId);
        for (var i = 0; i < texts.Count; i++)
        {
            for (var j = 0; j < texts[i].Ids.Count; j++)
            {
                ids[(i * length) + j] = texts[i].Ids[j];
                mask[(i * length) + j] = 1;
            }
        }

        var flat = new float[texts.Count * EmbeddingSize];
        _model.Run(
            [new FlatTensor(TensorNames.InputIds, ids, [texts.Count, length]), new FlatTensor(TensorNames.AttentionMask, mask, [texts.Count, length])],
            [new FlatTensor(TensorNames.TextEmbeds, flat, [texts.Count, EmbeddingSize])]);
        for (var i = 0; i < texts.Count; i++)
        {
            var row = flat.AsSpan(i * EmbeddingSize, EmbeddingSize);
            var scale = _normalize ? 1 / Math.Max(Math.Sqrt(SumOfSquares(row)), 1e-12) : 1;
            for (var d = 0; d < EmbeddingSize; d++)
            {
                vectors[(((texts[i].Frame * CueSlots.Count) + texts[i].Slot) * EmbeddingSize) + d] = (float)(row[d] * scale);
            }
        }

        return new CueEmbeddings(vectors, valid);
    }

    /// <inheritdoc/>
    public void Dispose() => _model.Dispose();

    private static double SumOfSquares(ReadOnlySpan<float> row)
    {
        var sum = 0.0;
        foreach (var v in row)
        {
            sum += (double)v * v;
        }

        return sum;
    }
}
