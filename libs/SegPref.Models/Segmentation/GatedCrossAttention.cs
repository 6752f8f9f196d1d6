using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// TeSO's gated cross-attention (SeDAM and PMQS): out = LayerNorm(q + sigmoid(b1) * Attn(q, kv) + sigmoid(b2) * mean(kv)),
/// b1 and b2 learnable scalars initialised to 1. Blocked keys are left out of both the attention and the mean, and a
/// query with every key blocked gets neither (out = LayerNorm(q)).
/// </summary>
public sealed class GatedCrossAttention : nn.Module<Tensor, Tensor, AttentionResult>
{
    private readonly HandAttention attn;
    private readonly Parameter gate_attn;
    private readonly Parameter gate_pool;
    private readonly LayerNorm norm;

    /// <summary>Creates the block for width <paramref name="dim"/>.</summary>
    public GatedCrossAttention(int dim, int heads)
        : base(nameof(GatedCrossAttention))
    {
        attn = new HandAttention(dim, heads);
        gate_attn = nn.Parameter(ones(1));
        gate_pool = nn.Parameter(ones(1));
        norm = nn.LayerNorm(dim);
        RegisterComponents();
    }

    /// <summary>The attention inside, for extra logits (e.g. against the silence tokens).</summary>
    public HandAttention Attention => attn;

    /// <inheritdoc/>
    public override AttentionResult forward(Tensor query, Tensor keyValue) => Attend(query, null, keyValue, null);

    /// <summary>
    /// Attends <paramref name="query"/> [B,Nq,d] (plus <paramref name="queryPos"/> for the attention query only) to
    /// <paramref name="keyValue"/> [B,Nk,d] without the keys where <paramref name="blocked"/> [B,Nk] is true.
    /// </summary>
    public AttentionResult Attend(Tensor query, Tensor? queryPos, Tensor keyValue, Tensor? blocked)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(keyValue);
        var attnQuery = queryPos is null ? query : query + queryPos;
        var result = attn.Attend(attnQuery, keyValue, keyValue, blocked?.unsqueeze(1), AllBlockedRule.Nothing);
        var pooled = MaskedMean(keyValue, blocked);
        var output = query + (gate_attn.sigmoid() * result.Output) + (gate_pool.sigmoid() * pooled);
        return new AttentionResult(norm.call(output), result.Logits, result.Weights);
    }

    // Mean over the allowed keys, [B,1,d]; zero when none is allowed. Blocked rows are multiplied by an exact 0.
    private static Tensor MaskedMean(Tensor keyValue, Tensor? blocked)
    {
        if (blocked is null)
        {
            return keyValue.mean([1], keepdim: true);
        }

        var allowed = blocked.logical_not().to(keyValue.dtype).unsqueeze(-1);
        var count = allowed.sum(1, keepdim: true).clamp_min(1);
        return (keyValue * allowed).sum(1, keepdim: true) / count;
    }
}
