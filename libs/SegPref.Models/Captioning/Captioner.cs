using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>
/// Scene captioner: a small CNN encoder gives a grid of position-aware visual tokens; a transformer decoder
/// (causal self-attention, cross-attention to the tokens, FFN) predicts the next word. Images are
/// [N, 3, S, S] ImageNet-normalised float32; token ids are int64 [N, T] starting with &lt;bos&gt;.
/// </summary>
public sealed class Captioner : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly ImageEncoder encoder;
    private readonly Embedding tok_embed;
    private readonly Parameter pos_embed;
    private readonly ModuleList<DecoderLayer> layers;
    private readonly LayerNorm norm;
    private readonly Linear head;
    private readonly Linear? object_head;

    /// <summary>Creates a model with fresh weights (seed torch first for reproducible weights).</summary>
    public Captioner(CaptionerConfig config)
        : base("captioner")
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        encoder = new ImageEncoder("encoder", config);
        tok_embed = nn.Embedding(config.VocabularySize, config.Width);
        pos_embed = nn.Parameter(randn(config.MaxTokens, config.Width) * 0.02);
        layers = nn.ModuleList([.. Enumerable.Range(0, config.Layers).Select(i => new DecoderLayer($"layer{i}", config))]);
        norm = nn.LayerNorm(config.Width);
        head = nn.Linear(config.Width, config.VocabularySize);
        if (config.ObjectKinds.Count > 0)
        {
            object_head = nn.Linear(config.Width, config.ObjectKinds.Count);
        }

        RegisterComponents();
    }

    /// <summary>The model's shape.</summary>
    public CaptionerConfig Config { get; }

    /// <summary>Teacher-forced logits [N, T, V] for <paramref name="tokens"/> [N, T] (T &lt;= MaxTokens).</summary>
    public override Tensor forward(Tensor images, Tensor tokens)
    {
        using var scope = NewDisposeScope();
        return Decode(Encode(images), tokens).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Teacher-forced logits [N, T, V] and, when the model has an object head, visible-kind logits [N, K]
    /// (order of <see cref="CaptionerConfig.ObjectKinds"/>) from one encoder pass.
    /// </summary>
    public (Tensor Logits, Tensor? Objects) ForwardWithObjects(Tensor images, Tensor tokens)
    {
        using var scope = NewDisposeScope();
        var memory = Encode(images);
        var logits = Decode(memory, tokens).MoveToOuterDisposeScope();
        return (logits, object_head is null ? null : ObjectLogits(memory).MoveToOuterDisposeScope());
    }

    /// <summary>Visible-kind logits [N, K] from visual tokens <paramref name="memory"/> [N, g*g, d] (mean-pooled).</summary>
    /// <exception cref="InvalidOperationException">The model has no object head (no ObjectKinds).</exception>
    public Tensor ObjectLogits(Tensor memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        return object_head is null
            ? throw new InvalidOperationException("This captioner has no object head (its config has no ObjectKinds).")
            : object_head.call(memory.mean([1]));
    }

    private Tensor Decode(Tensor memory, Tensor tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var length = tokens.shape[1];
        if (length > Config.MaxTokens)
        {
            throw new ArgumentException($"{length} tokens exceed the model's MaxTokens {Config.MaxTokens}.", nameof(tokens));
        }

        using var scope = NewDisposeScope();
        using var causal = ones(length, length, ScalarType.Bool).triu(1);
        var x = tok_embed.call(tokens) + pos_embed.narrow(0, 0, length);
        foreach (var layer in layers)
        {
            x = layer.Forward(x, memory, causal);
        }

        return head.call(norm.call(x)).MoveToOuterDisposeScope();
    }

    /// <summary>Visual tokens [N, g*g, d] of <paramref name="images"/>.</summary>
    public Tensor Encode(Tensor images) => encoder.call(images);

    /// <summary>Starts an incremental decode over <paramref name="memory"/>: one cache per layer.</summary>
    internal DecoderCache StartDecode(Tensor memory) =>
        new([.. layers.Select(l => { var (k, v) = l.CrossContext(memory); return new LayerCache(k, v); })]);

    /// <summary>Next-token logits [N, V] after feeding <paramref name="tokens"/> [N] at <paramref name="position"/>.</summary>
    internal Tensor Step(Tensor tokens, int position, DecoderCache cache)
    {
        using var scope = NewDisposeScope();
        var x = (tok_embed.call(tokens) + pos_embed[position]).unsqueeze(1);
        for (var i = 0; i < cache.Layers.Count; i++)
        {
            x = layers[i].Step(x, cache.Layers[i]);
        }

        return head.call(norm.call(x)).squeeze(1).MoveToOuterDisposeScope();
    }
}
