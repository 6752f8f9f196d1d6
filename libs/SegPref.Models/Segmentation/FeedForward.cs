using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>Post-norm transformer FFN: LayerNorm(x + linear2(ReLU(linear1(x)))).</summary>
public sealed class FeedForward : nn.Module<Tensor, Tensor>
{
    private readonly Linear linear1;
    private readonly Linear linear2;
    private readonly LayerNorm norm;

    /// <summary>Creates an FFN d -> <paramref name="hidden"/> -> d.</summary>
    public FeedForward(int dim, int hidden)
        : base(nameof(FeedForward))
    {
        linear1 = nn.Linear(dim, hidden);
        linear2 = nn.Linear(hidden, dim);
        norm = nn.LayerNorm(dim);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => norm.call(input + linear2.call(nn.functional.relu(linear1.call(input))));
}
