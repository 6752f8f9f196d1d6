using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>
/// Multi-head attention written out by hand (scores, masked_fill with -1e4, softmax, weighted sum): TorchSharp's
/// nn.MultiheadAttention gave NaN and non-determinism with masks (docs: prototype findings).
/// Heads are laid out as [N, H, T, d/H].
/// </summary>
internal sealed class Attention : nn.Module
{
    private const double MaskedScore = -1e4;

    private readonly Linear q_proj;
    private readonly Linear k_proj;
    private readonly Linear v_proj;
    private readonly Linear out_proj;
    private readonly Dropout dropout;
    private readonly int _heads;

    public Attention(string name, int width, int heads, double dropoutRate)
        : base(name)
    {
        _heads = heads;
        q_proj = nn.Linear(width, width);
        k_proj = nn.Linear(width, width);
        v_proj = nn.Linear(width, width);
        out_proj = nn.Linear(width, width);
        dropout = nn.Dropout(dropoutRate);
        RegisterComponents();
    }

    /// <summary>Full attention of <paramref name="query"/> [N, Tq, d] over <paramref name="context"/> [N, Tk, d];
    /// <paramref name="blocked"/> (bool, broadcastable to [N, H, Tq, Tk]) marks pairs that must not attend.</summary>
    public Tensor Forward(Tensor query, Tensor context, Tensor? blocked)
    {
        using var scope = NewDisposeScope();
        return Attend(Query(query), Keys(context), Values(context), blocked).MoveToOuterDisposeScope();
    }

    public Tensor Query(Tensor x) => SplitHeads(q_proj.call(x));

    public Tensor Keys(Tensor x) => SplitHeads(k_proj.call(x));

    public Tensor Values(Tensor x) => SplitHeads(v_proj.call(x));

    /// <summary>Attention from split heads; returns [N, Tq, d] after the output projection.</summary>
    public Tensor Attend(Tensor q, Tensor k, Tensor v, Tensor? blocked)
    {
        using var scope = NewDisposeScope();
        var scores = q.matmul(k.transpose(-2, -1)) / Math.Sqrt(q.shape[^1]);
        if (blocked is not null)
        {
            scores = scores.masked_fill(blocked, MaskedScore);
        }

        var weights = dropout.call(scores.softmax(-1));
        var mixed = weights.matmul(v).transpose(1, 2); // [N, Tq, H, dh]
        return out_proj.call(mixed.reshape(mixed.shape[0], mixed.shape[1], -1)).MoveToOuterDisposeScope();
    }

    private Tensor SplitHeads(Tensor x) => x.view(x.shape[0], x.shape[1], _heads, -1).transpose(1, 2);
}
