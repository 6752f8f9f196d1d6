using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Audio;

/// <summary>The pre-training network: <see cref="Vggish"/> plus a linear multi-label head on its 128-d (ReLU) embedding.</summary>
public sealed class AudioTagger : nn.Module<Tensor, Tensor>
{
    private readonly Vggish vggish;
    private readonly Linear head;

    /// <summary>Builds the tagger for <paramref name="classCount"/> classes.</summary>
    public AudioTagger(VggishPreset preset, int classCount)
        : base(nameof(AudioTagger))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        vggish = new Vggish(preset);
        head = nn.Linear(Vggish.EmbeddingSize, classCount);
        ClassCount = classCount;
        RegisterComponents();
    }

    /// <summary>The audio encoder (frozen after pre-training).</summary>
    public Vggish Encoder => vggish;

    /// <summary>Number of tagged classes.</summary>
    public int ClassCount { get; }

    /// <summary>Class logits [N, C] for log-mel examples [N, 1, 96, 64].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return head.call(vggish.call(input)).MoveToOuterDisposeScope();
    }
}
