using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>Pre-norm transformer decoder layer: masked causal self-attention, cross-attention to the visual tokens, FFN.</summary>
internal sealed class DecoderLayer : nn.Module
{
    private readonly LayerNorm norm1;
    private readonly Attention self_attn;
    private readonly LayerNorm norm2;
    private readonly Attention cross_attn;
    private readonly LayerNorm norm3;
    private readonly Linear ffn_in;
    private readonly Linear ffn_out;
    private readonly Dropout dropout;

    public DecoderLayer(string name, CaptionerConfig config)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(config);
        norm1 = nn.LayerNorm(config.Width);
        self_attn = new Attention("self_attn", config.Width, config.Heads, config.Dropout);
        norm2 = nn.LayerNorm(config.Width);
        cross_attn = new Attention("cross_attn", config.Width, config.Heads, config.Dropout);
        norm3 = nn.LayerNorm(config.Width);
        ffn_in = nn.Linear(config.Width, config.FeedForwardWidth);
        ffn_out = nn.Linear(config.FeedForwardWidth, config.Width);
        dropout = nn.Dropout(config.Dropout);
        RegisterComponents();
    }

    /// <summary>Whole-sequence pass (training): <paramref name="x"/> [N, T, d], <paramref name="causal"/> [T, T] true above the diagonal.</summary>
    public Tensor Forward(Tensor x, Tensor memory, Tensor causal)
    {
        using var scope = NewDisposeScope();
        var h = norm1.call(x);
        x = x + dropout.call(self_attn.Forward(h, h, causal));
        x = x + dropout.call(cross_attn.Forward(norm2.call(x), memory, null));
        return FeedForward(x).MoveToOuterDisposeScope();
    }

    /// <summary>Keys and values of the visual tokens for this layer's cross-attention, computed once per decode.</summary>
    public (Tensor Keys, Tensor Values) CrossContext(Tensor memory) => (cross_attn.Keys(memory), cross_attn.Values(memory));

    /// <summary>One incremental step: <paramref name="x"/> [N, 1, d] is the newest position; its self-attention keys and
    /// values are appended to <paramref name="cache"/> (no mask needed: the cache holds only past positions).</summary>
    public Tensor Step(Tensor x, LayerCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        using var scope = NewDisposeScope();
        var h = norm1.call(x);
        cache.Append(self_attn.Keys(h), self_attn.Values(h));
        x = x + self_attn.Attend(self_attn.Query(h), cache.SelfKeys!, cache.SelfValues!, null);
        x = x + cross_attn.Attend(cross_attn.Query(norm2.call(x)), cache.CrossKeys, cache.CrossValues, null);
        return FeedForward(x).MoveToOuterDisposeScope();
    }

    private Tensor FeedForward(Tensor x) =>
        x + dropout.call(ffn_out.call(dropout.call(nn.functional.gelu(ffn_in.call(norm3.call(x))))));
}
