using Onnx;
using SegPref.Inference.Export.Graph;
using SegPref.Models.Segmentation;

namespace SegPref.Inference.Export.Segmentation;

/// <summary>
/// Writes out <see cref="HandAttention"/>, <see cref="GatedCrossAttention"/> and <see cref="FeedForward"/> as
/// MatMul/Softmax graphs, mirroring their forward exactly (the -1e4 fill, the all-blocked rules, exact zeros).
/// </summary>
internal sealed class AttentionEmitter(Layers layers, int heads)
{
    private const float BlockedLogit = -1e4f;

    private Ops Ops => layers.Ops;

    private GraphBuilder G => layers.Ops.Graph;

    /// <summary>Scaled dot-product logits [B,heads,Nq,Nk] of <see cref="HandAttention.Scores"/>.</summary>
    public string Scores(ModuleWeights w, string query, string key)
    {
        var dim = w.Scope("q_proj")["weight"].shape[0];
        var q = SplitHeads(layers.Linear(w.Scope("q_proj"), query));
        var k = SplitHeads(layers.Linear(w.Scope("k_proj"), key));
        var scale = G.Scalar("attn_scale", (float)Math.Sqrt(dim / heads));
        return Ops.Div(Ops.MatMul(q, Ops.Transpose(k, 0, 1, 3, 2)), scale);
    }

    /// <summary>
    /// <see cref="HandAttention.Attend"/>: <paramref name="blocked"/> is a bool value [B,1|Nq,Nk] (true = may not attend) or null.
    /// Returns the output [B,Nq,d] and the unmasked logits.
    /// </summary>
    public (string Output, string Logits) Attend(ModuleWeights w, string query, string key, string value, string? blocked, AllBlockedRule rule)
    {
        var logits = Scores(w, query, key);
        var v = SplitHeads(layers.Linear(w.Scope("v_proj"), value));
        string weights;
        string? anyAllowed = null;
        if (blocked is null)
        {
            weights = Ops.Softmax(logits);
        }
        else
        {
            var allBlockedF = Ops.ReduceMin(layers.ToFloat(blocked), [-1], keepDims: true);
            if (rule == AllBlockedRule.AttendEverywhere)
            {
                var allBlocked = Ops.Cast(allBlockedF, TensorProto.Types.DataType.Bool);
                blocked = Ops.And(blocked, Ops.Not(allBlocked));
            }

            var blocked4 = Ops.Unsqueeze(blocked, 1);
            weights = Ops.Softmax(Ops.Where(blocked4, G.Scalar("blocked_logit", BlockedLogit), logits));
            if (rule == AllBlockedRule.Nothing)
            {
                weights = Ops.Mul(weights, layers.ToFloat(Ops.Not(blocked4)));
                anyAllowed = Ops.Sub(G.Scalar("one", 1f), allBlockedF);
            }
        }

        var attended = Ops.Reshape(Ops.Transpose(Ops.MatMul(weights, v), 0, 2, 1, 3), 0, 0, -1);
        var output = layers.Linear(w.Scope("out_proj"), attended);
        return (anyAllowed is null ? output : Ops.Mul(output, anyAllowed), logits);
    }

    /// <summary>
    /// <see cref="GatedCrossAttention.Attend"/>: LayerNorm(q + sigmoid(b1) Attn(q + pos, kv) + sigmoid(b2) mean(kv)),
    /// <paramref name="blocked"/> a bool [B,Nk] or null. Returns the output and the attention logits.
    /// </summary>
    public (string Output, string Logits) GatedCross(ModuleWeights w, string query, string? queryPos, string keyValue, string? blocked)
    {
        var attnQuery = queryPos is null ? query : Ops.Add(query, queryPos);
        var result = Attend(w.Scope("attn"), attnQuery, keyValue, keyValue, blocked is null ? null : Ops.Unsqueeze(blocked, 1), AllBlockedRule.Nothing);
        string pooled;
        if (blocked is null)
        {
            pooled = Ops.ReduceMean(keyValue, [1], keepDims: true);
        }
        else
        {
            var allowed = Ops.Unsqueeze(layers.ToFloat(Ops.Not(blocked)), -1);
            var count = Ops.Max(Ops.ReduceSum(allowed, [1], keepDims: true), G.Scalar("one", 1f));
            pooled = Ops.Div(Ops.ReduceSum(Ops.Mul(keyValue, allowed), [1], keepDims: true), count);
        }

        var gateAttn = Ops.Sigmoid(layers.Constant(w, "gate_attn"));
        var gatePool = Ops.Sigmoid(layers.Constant(w, "gate_pool"));
        var output = Ops.Add(Ops.Add(query, Ops.Mul(gateAttn, result.Output)), Ops.Mul(gatePool, pooled));
        return (layers.LayerNorm(w.Scope("norm"), output), result.Logits);
    }

    /// <summary><see cref="FeedForward"/>: LayerNorm(x + linear2(ReLU(linear1(x)))).</summary>
    public string FeedForward(ModuleWeights w, string x)
    {
        var hidden = Ops.Relu(layers.Linear(w.Scope("linear1"), x));
        return layers.LayerNorm(w.Scope("norm"), Ops.Add(x, layers.Linear(w.Scope("linear2"), hidden)));
    }

    private string SplitHeads(string x) => Ops.Transpose(Ops.Reshape(x, 0, 0, heads, -1), 0, 2, 1, 3);
}
