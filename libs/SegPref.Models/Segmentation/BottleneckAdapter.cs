using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// Residual bottleneck adapter on a feature map: x + up(ReLU(down(x))) with 1x1 convs d -> d/4 -> d. The
/// up-projection starts at zero, so a fresh adapter is the identity and training only adds to a (frozen) trunk.
/// </summary>
public sealed class BottleneckAdapter : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d down;
    private readonly Conv2d up;

    /// <summary>Creates an adapter for <paramref name="dim"/> channels.</summary>
    public BottleneckAdapter(int dim)
        : base(nameof(BottleneckAdapter))
    {
        var hidden = Math.Max(1, dim / 4);
        down = nn.Conv2d(dim, hidden, 1);
        up = nn.Conv2d(hidden, dim, 1);
        using (no_grad())
        {
            nn.init.zeros_(up.weight!);
            nn.init.zeros_(up.bias!);
        }

        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input + up.call(nn.functional.relu(down.call(input)));
}
