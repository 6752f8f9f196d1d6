using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// Multi-head attention written out by hand (scores, masked_fill with -1e4, softmax, weighted sum).
/// nn.MultiheadAttention with a per-sample key_padding_mask gave NaN and non-deterministic runs in TorchSharp 0.107.
/// </summary>
public sealed class HandAttention : nn.Module<Tensor, Tensor, Tensor, AttentionResult>
{
    private const float Blocked = -1e4f;

    private readonly Linear q_proj;
    private readonly Linear k_proj;
    private readonly Linear v_proj;
    private readonly Linear out_proj;
    private readonly int _heads;

    /// <summary>Creates attention of width <paramref name="dim"/> with <paramref name="heads"/> heads.</summary>
    public HandAttention(int dim, int heads)
        : base(nameof(HandAttention))
    {
        if (heads <= 0 || dim % heads != 0)
        {
            throw new ArgumentException($"Attention width {dim} is not divisible by {heads} heads.", nameof(heads));
        }

        _heads = heads;
        q_proj = nn.Linear(dim, dim);
        k_proj = nn.Linear(dim, dim);
        v_proj = nn.Linear(dim, dim);
        out_proj = nn.Linear(dim, dim);
        RegisterComponents();
    }

    /// <summary>Unmasked attention of <paramref name="query"/> [B,Nq,d] over <paramref name="key"/>/<paramref name="value"/> [B,Nk,d].</summary>
    public override AttentionResult forward(Tensor query, Tensor key, Tensor value) => Attend(query, key, value, null, AllBlockedRule.AttendEverywhere);

    /// <summary>
    /// Attention where <paramref name="blocked"/> (bool, [B,Nq,Nk] or [B,1,Nk], true = may not attend) removes keys;
    /// <paramref name="rule"/> decides what a query with every key blocked gets.
    /// </summary>
    public AttentionResult Attend(Tensor query, Tensor key, Tensor value, Tensor? blocked, AllBlockedRule rule)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(value);
        var (batch, count, dim) = (query.shape[0], query.shape[1], query.shape[2]);
        var logits = Scores(query, key);
        var v = SplitHeads(v_proj.call(value));
        Tensor weights;
        Tensor? anyAllowed = null;
        if (blocked is null)
        {
            weights = nn.functional.softmax(logits, -1);
        }
        else
        {
            var allBlocked = blocked.all(-1, keepdim: true);
            if (rule == AllBlockedRule.AttendEverywhere)
            {
                blocked = blocked.logical_and(allBlocked.logical_not());
            }

            weights = nn.functional.softmax(logits.masked_fill(blocked.unsqueeze(1), Blocked), -1);
            if (rule == AllBlockedRule.Nothing)
            {
                // Exact zeros: a blocked key must not change the output even by a rounding error.
                weights = weights * blocked.logical_not().unsqueeze(1).to(weights.dtype);
                anyAllowed = allBlocked.logical_not().to(weights.dtype);
            }
        }

        var attended = weights.matmul(v).transpose(1, 2).reshape(batch, count, dim);
        var output = out_proj.call(attended);
        return new AttentionResult(anyAllowed is null ? output : output * anyAllowed, logits, weights);
    }

    /// <summary>Scaled dot-product logits [B,heads,Nq,Nk] of projected queries and keys (no mask).</summary>
    public Tensor Scores(Tensor query, Tensor key)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(key);
        var q = SplitHeads(q_proj.call(query));
        var k = SplitHeads(k_proj.call(key));
        return q.matmul(k.transpose(-2, -1)) / Math.Sqrt(q.shape[3]);
    }

    private Tensor SplitHeads(Tensor x) => x.view(x.shape[0], x.shape[1], _heads, x.shape[2] / _heads).transpose(1, 2);
}
