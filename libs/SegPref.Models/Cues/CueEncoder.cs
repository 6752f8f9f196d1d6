using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SegPref.Models.Cues;

/// <summary>
/// Cue word -> D-dim unit vector: an embedding table over the vocabulary, then a two-layer MLP, then L2 normalisation
/// (cosine similarity with the audio side is a dot product).
/// </summary>
/// <remarks>
/// Input: word indices of any shape, as <see cref="CueVocabulary.IndexOf"/> returns them. Output: that shape + [D].
/// Negative indices get fixed, non-trained vectors: <see cref="CueVocabulary.NoneIndex"/> (padding) and
/// <see cref="CueVocabulary.UnknownIndex"/> (a word outside the vocabulary) both map to the zero vector. Zero cannot
/// collide with a trained word, whose vector always has norm 1, and its cosine with every sound is 0, so an unknown word
/// carries no direction at all; the validity mask of <see cref="CueEncoderRun.Encode"/> still tells padding (false)
/// from an unknown word (true).
/// </remarks>
public sealed class CueEncoder : Module<Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly Linear fc1;
    private readonly Linear fc2;

    /// <summary>Creates the encoder with random weights (torch's global generator).</summary>
    /// <exception cref="ArgumentException">A size is not positive.</exception>
    public CueEncoder(int vocabularySize, int embeddingSize, int hiddenSize, int outputSize)
        : base(nameof(CueEncoder))
    {
        if (vocabularySize <= 0 || embeddingSize <= 0 || hiddenSize <= 0 || outputSize <= 0)
        {
            throw new ArgumentException($"Cue encoder sizes must be positive: vocabulary {vocabularySize}, embedding {embeddingSize}, hidden {hiddenSize}, output {outputSize}.");
        }

        VocabularySize = vocabularySize;
        OutputSize = outputSize;
        embedding = Embedding(vocabularySize, embeddingSize);
        fc1 = Linear(embeddingSize, hiddenSize);
        fc2 = Linear(hiddenSize, outputSize);
        RegisterComponents();
    }

    /// <summary>Number of trained words.</summary>
    public int VocabularySize { get; }

    /// <summary>D, the width of every cue vector.</summary>
    public int OutputSize { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var known = input.ge(0);
        var vectors = fc2.call(functional.relu(fc1.call(embedding.call(input.clamp_min(0)))));
        var unit = functional.normalize(vectors, p: 2, dim: -1);
        return unit.mul(known.unsqueeze(-1).to_type(unit.dtype)).MoveToOuterDisposeScope();
    }

    /// <summary>The vectors of all vocabulary words, [V, D].</summary>
    public Tensor AllWords()
    {
        using var ids = arange(VocabularySize, dtype: ScalarType.Int64);
        return forward(ids);
    }

    /// <summary>The vectors of all vocabulary words as [V, D] row-major floats, computed without gradients.</summary>
    public float[] WordVectors()
    {
        using var noGrad = no_grad();
        using var vectors = AllWords();
        return vectors.data<float>().ToArray();
    }
}
