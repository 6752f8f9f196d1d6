using SegPref.Cues;
using SegPref.Inference.Abstractions;
using SegPref.Inference.Onnx;
using SegPref.Inference.Repository;

namespace SegPref.Inference.Sessions;

/// <summary><see cref="ICueEmbedder"/> over an exported cue encoder: cue_ids [N,slots] int64 -> cue_vectors [N,slots,D].</summary>
public sealed class OnnxCueEmbedder : ICueEmbedder, IDisposable
{
    private readonly OnnxModel _model;
    private readonly CueWordIndex _lookup;
    private readonly int _slots;

    /// <summary>Wraps a loaded cue encoder entry and reads its vocabulary file.</summary>
    /// <exception cref="InvalidDataException">Missing or bad vocabulary, or the wrong slot count.</exception>
    public OnnxCueEmbedder(OnnxModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _lookup = CueVocabularyFile.Read(model.Config.FilePath(model.Entry.Dir, ModelConfig.VocabularyFile));
        _slots = Shapes.Dim(model.Config.Input(TensorNames.CueIds), 1);
        if (_slots != CueSlots.Count)
        {
            throw new InvalidDataException($"{model.Entry.Dir}/config.json: {TensorNames.CueIds} has {_slots} slots, the pipeline uses {CueSlots.Count}.");
        }

        EmbeddingSize = Shapes.Dim(model.Config.Output(TensorNames.CueVectors), 2);
    }

    /// <inheritdoc/>
    public ModelIdentity Identity => _model.Identity;

    /// <inheritdoc/>
    public ModelConfig? Config => _model.Config;

    /// <inheritdoc/>
    public int EmbeddingSize { get; }

    /// <summary>Words in the vocabulary.</summary>
    public int VocabularySize => _lookup.Count;

    /// <inheritdoc/>
    public CueEmbeddings Embed(IReadOnlyList<string[]> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var n = slots.Count;
        var ids = new long[n * _slots];
        var valid = new bool[n * _slots];
        for (var f = 0; f < n; f++)
        {
            if (slots[f] is not { } frame || frame.Length != _slots)
            {
                throw new ArgumentException($"Frame {f} has {slots[f]?.Length ?? 0} cue slots; every frame needs exactly {_slots} (pad with \"{CueSlots.None}\").", nameof(slots));
            }

            for (var s = 0; s < _slots; s++)
            {
                ids[(f * _slots) + s] = _lookup.IndexOf(frame[s]);
                valid[(f * _slots) + s] = ids[(f * _slots) + s] != CueWordIndex.NoneIndex;
            }
        }

        var vectors = new float[n * _slots * EmbeddingSize];
        if (n > 0)
        {
            _model.Run([new FlatTensor(TensorNames.CueIds, ids, [n, _slots])], [new FlatTensor(TensorNames.CueVectors, vectors, [n, _slots, EmbeddingSize])]);
        }

        return new CueEmbeddings(vectors, valid);
    }

    /// <inheritdoc/>
    public void Dispose() => _model.Dispose();
}
