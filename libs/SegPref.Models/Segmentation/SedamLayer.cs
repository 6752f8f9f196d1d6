using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// One SeDAM layer: gated cross-attention of the cue tokens to the audio tokens, the dynamic-mask decision, masked
/// self-attention among the surviving cues, FFN (all post-norm). The decision of this layer already applies to its
/// own self-attention, to all following layers and to the output prompts; masks only accumulate (AND).
/// </summary>
public sealed class SedamLayer : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly GatedCrossAttention cross_attn;
    private readonly HandAttention self_attn;
    private readonly LayerNorm self_norm;
    private readonly FeedForward ffn;
    private readonly DynamicMaskMode _mode;
    private readonly double _temperature;
    private readonly bool _isolateLast;

    /// <summary>
    /// Creates a layer of width <paramref name="dim"/>. With <paramref name="isolateLast"/> the last slot (SeDAM's open
    /// cue) and the text cues do not attend to each other in the self-attention, so the open cue never learns from the
    /// others' keep decisions (see <see cref="Sedam"/>).
    /// </summary>
    public SedamLayer(int dim, int heads, int hidden, DynamicMaskMode mode, double temperature, bool isolateLast = false)
        : base(nameof(SedamLayer))
    {
        cross_attn = new GatedCrossAttention(dim, heads);
        self_attn = new HandAttention(dim, heads);
        self_norm = nn.LayerNorm(dim);
        ffn = new FeedForward(dim, hidden);
        _mode = mode;
        _temperature = temperature;
        _isolateLast = isolateLast;
        RegisterComponents();
    }

    /// <summary>Plain forward without masks (every cue valid, no silence reference): returns the updated tokens.</summary>
    public override Tensor forward(Tensor tokens, Tensor audio)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        using var keep = ones(tokens.shape[0], tokens.shape[1], dtype: ScalarType.Bool);
        using var soft = ones(tokens.shape[0], tokens.shape[1]);
        return Step(tokens, audio, null, keep, soft, null, 0).Tokens;
    }

    /// <summary>
    /// Runs the layer. <paramref name="silence"/> [B,A,d] (the silence embedding's tokens) and <paramref name="margin"/>
    /// (a positive scalar) are needed in <see cref="DynamicMaskMode.Calibrated"/> mode only. A cue survives when its
    /// relevance is at least <paramref name="threshold"/> (<see cref="Sedam.KeepThreshold"/>; 0 is the paper's rule).
    /// </summary>
    public SedamLayerOutput Step(Tensor tokens, Tensor audio, Tensor? silence, Tensor keep, Tensor softKeep, Tensor? margin, double threshold)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(keep);
        var cross = cross_attn.Attend(tokens, null, audio, null);
        var relevance = Relevance(tokens, cross.Logits, silence, margin);
        if (_mode != DynamicMaskMode.Off)
        {
            keep = keep.logical_and(relevance.ge(threshold));
            softKeep = softKeep * ((relevance - threshold) / _temperature).sigmoid();
        }

        var blocked = keep.logical_not().unsqueeze(1);
        if (_isolateLast)
        {
            blocked = blocked.logical_or(Isolation(keep.shape[1]));
        }

        var selfOut = self_attn.Attend(cross.Output, cross.Output, cross.Output, blocked, AllBlockedRule.Nothing);
        var x = ffn.call(self_norm.call(cross.Output + selfOut.Output));
        return new SedamLayerOutput(x, keep, softKeep, relevance, cross.Logits);
    }

    /// <summary>[1,S,S] bool: true where exactly one of (query, key) is the last slot.</summary>
    public static Tensor Isolation(long slots)
    {
        var last = arange(slots).eq(slots - 1);
        return last.unsqueeze(1).logical_xor(last.unsqueeze(0)).unsqueeze(0);
    }

    // Mean over keys (Peak: log-mean-exp), then heads, of the cue's attention logits [B,heads,S,A] -> [B,S]; in
    // Calibrated mode minus the same mean against the silence tokens and minus the margin, so audio that looks like
    // silence is not relevant.
    private Tensor Relevance(Tensor tokens, Tensor logits, Tensor? silence, Tensor? margin)
    {
        var score = _mode == DynamicMaskMode.Peak
            ? (logits.logsumexp(-1) - Math.Log(logits.shape[^1])).mean([1])
            : logits.mean([-1]).mean([1]);
        if (_mode != DynamicMaskMode.Calibrated)
        {
            return score;
        }

        if (silence is null || margin is null)
        {
            throw new ArgumentException("Calibrated dynamic mask needs the silence tokens and the margin.");
        }

        var reference = cross_attn.Attention.Scores(tokens, silence).mean([-1]).mean([1]);
        return score - reference - margin;
    }
}
