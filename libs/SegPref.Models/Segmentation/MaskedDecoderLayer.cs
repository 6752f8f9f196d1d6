using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// One Mask2Former decoder layer (post-norm): masked cross-attention to one feature scale, self-attention among the
/// queries, FFN. The attention mask comes from the previous prediction; a query with every pixel masked attends everywhere.
/// </summary>
public sealed class MaskedDecoderLayer : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly HandAttention cross_attn;
    private readonly LayerNorm cross_norm;
    private readonly HandAttention self_attn;
    private readonly LayerNorm self_norm;
    private readonly FeedForward ffn;

    /// <summary>Creates a layer of width <paramref name="dim"/>.</summary>
    public MaskedDecoderLayer(int dim, int heads, int hidden)
        : base(nameof(MaskedDecoderLayer))
    {
        cross_attn = new HandAttention(dim, heads);
        cross_norm = nn.LayerNorm(dim);
        self_attn = new HandAttention(dim, heads);
        self_norm = nn.LayerNorm(dim);
        ffn = new FeedForward(dim, hidden);
        RegisterComponents();
    }

    /// <summary>Unmasked, position-free forward of <paramref name="queries"/> [B,Q,d] over <paramref name="memory"/> [B,HW,d].</summary>
    public override Tensor forward(Tensor queries, Tensor memory) => Step(queries, null, memory, null, null);

    /// <summary>
    /// Runs the layer: <paramref name="queryPos"/> [1|B,Q,d] and <paramref name="memoryPos"/> [1|B,HW,d] are added to
    /// the attention queries and keys only; <paramref name="blocked"/> [B,Q,HW] is true where a query may not look.
    /// </summary>
    public Tensor Step(Tensor queries, Tensor? queryPos, Tensor memory, Tensor? memoryPos, Tensor? blocked)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(memory);
        var q = queryPos is null ? queries : queries + queryPos;
        var k = memoryPos is null ? memory : memory + memoryPos;
        var x = cross_norm.call(queries + cross_attn.Attend(q, k, memory, blocked, AllBlockedRule.AttendEverywhere).Output);
        var qs = queryPos is null ? x : x + queryPos;
        x = self_norm.call(x + self_attn.Attend(qs, qs, x, null, AllBlockedRule.AttendEverywhere).Output);
        return ffn.call(x);
    }
}
