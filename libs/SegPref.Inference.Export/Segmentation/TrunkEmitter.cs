using System.Globalization;
using System.Reflection;
using SegPref.Inference.Export.Graph;
using SegPref.Models.Segmentation;
using static TorchSharp.torch;

namespace SegPref.Inference.Export.Segmentation;

/// <summary>
/// Writes <see cref="SegmenterTrunk"/>: visual encoder, <see cref="PixelDecoder"/>, PMQS + <see cref="MaskTransformerDecoder"/>
/// and the gated binary map, upsampled bilinearly to the input side.
/// </summary>
internal sealed class TrunkEmitter(Layers layers, SegmenterOptions options, VisualEncoder encoder)
{
    private readonly AttentionEmitter _attention = new(layers, options.Heads);

    private Ops Ops => layers.Ops;

    private GraphBuilder G => layers.Ops.Graph;

    /// <summary>
    /// Map logits [B,S,S] of <paramref name="frames"/> [B,3,S,S] prompted by <paramref name="prompts"/> [B,P,d] with
    /// <paramref name="promptBlocked"/> (bool [B,P]) and the per-frame <paramref name="gate"/> (float, broadcastable to [B,1,1]).
    /// </summary>
    public string Emit(ModuleWeights w, string frames, string prompts, string promptBlocked, string gate) =>
        Emit(w, Encode(w, frames), prompts, promptBlocked, gate);

    /// <summary>The visual encoder's multi-scale features of <paramref name="frames"/> (finest first).</summary>
    public string[] Encode(ModuleWeights w, string frames) => new VisualEmitter(layers).Encode(options.Backbone, w.Scope("visual_encoder"), frames);

    /// <summary><see cref="Emit(ModuleWeights, string, string, string, string)"/> from features written by <see cref="Encode"/>.</summary>
    public string Emit(ModuleWeights w, string[] features, string prompts, string promptBlocked, string gate)
    {
        var sizes = encoder.Strides.Select(s => (long)options.ImageSize / s).ToArray();
        var (pixels, maskFeatures) = PixelDecoder(w.Scope("pixel_decoder"), features, sizes);
        var (classLogits, maskLogits) = Decoder(w.Scope("transformer_decoder"), pixels, sizes, maskFeatures, prompts, promptBlocked);

        var weights = Ops.Unsqueeze(Ops.Select(Ops.Softmax(classLogits), -1, 0), 1);
        var low4 = sizes[0];
        var combined = Ops.Reshape(Ops.MatMul(weights, Ops.Reshape(maskLogits, 0, 0, -1)), -1, low4, low4);
        var one = G.Scalar("one", 1f);
        var low = Ops.Add(Ops.Mul(gate, combined), Ops.Mul(Ops.Sub(one, gate), G.Scalar("nothing_logit", (float)options.NothingLogit)));
        var full = Ops.Resize(Ops.Unsqueeze(low, 1), options.ImageSize, options.ImageSize, "linear");
        return Ops.Squeeze(full, 1);
    }

    private (string[] Features, string MaskFeatures) PixelDecoder(ModuleWeights w, string[] input, long[] sizes)
    {
        var dim = options.Dim;
        var groups = dim % 32 == 0 ? 32 : dim % 8 == 0 ? 8 : 1;
        var outputs = new string[input.Length];
        string? topDown = null;
        for (var i = input.Length - 1; i >= 0; i--)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            var lateral = layers.Conv2d(w.Scope($"lateral_convs.{index}"), input[i], 1, 0);
            if (topDown is not null)
            {
                lateral = Ops.Add(lateral, Ops.Resize(topDown, sizes[i], sizes[i], "nearest"));
            }

            topDown = lateral;
            var output = w.Scope($"output_convs.{index}");
            var y = Ops.Relu(layers.GroupNorm(output.Scope("1"), layers.Conv2d(output.Scope("0"), lateral, 1, 1), groups));
            outputs[i] = Adapter(w.Scope($"adapters.{index}"), y);
        }

        return (outputs, layers.Conv2d(w.Scope("mask_features"), outputs[0], 1, 0));
    }

    private string Adapter(ModuleWeights w, string x) =>
        Ops.Add(x, layers.Conv2d(w.Scope("up"), Ops.Relu(layers.Conv2d(w.Scope("down"), x, 1, 0)), 1, 0));

    private (string ClassLogits, string MaskLogits) Decoder(ModuleWeights w, string[] pixels, long[] sizes, string maskFeatures, string prompts, string promptBlocked)
    {
        var levels = Math.Min(3, pixels.Length);
        var queryPos = Ops.Unsqueeze(layers.Table(w.Scope("query_embed")), 0);
        var batch = Ops.SliceDims(Ops.Shape(prompts), 0, 1);
        var queryShape = Ops.Concat(0, batch, G.Int64s("qd", options.Queries, options.Dim));
        var queries = Ops.Expand(Ops.Unsqueeze(layers.Table(w.Scope("query_feat")), 0), queryShape);
        queries = _attention.GatedCross(w.Scope("pmqs"), queries, queryPos, prompts, promptBlocked).Output;

        var memories = new (string Memory, string Pos, long Size)[levels];
        for (var l = 0; l < levels; l++)
        {
            var scale = pixels.Length - 1 - l;
            var memory = Ops.Add(Ops.Transpose(Ops.Reshape(pixels[scale], 0, 0, -1), 0, 2, 1), layers.TableRow(w.Scope("level_embed"), l));
            memories[l] = (memory, SinePositionConstant(sizes[scale]), sizes[scale]);
        }

        var prediction = Head(w.Scope("head"), queries, maskFeatures, sizes[0]);
        for (var i = 0; i < options.DecoderLayers; i++)
        {
            var (memory, pos, size) = memories[i % levels];
            var resized = Ops.Resize(prediction.MaskLogits, size, size, "linear");
            var blocked = Ops.Less(Ops.Reshape(resized, 0, 0, -1), G.Scalar("zero", 0f));
            queries = DecoderLayer(w.Scope($"layers.{i.ToString(CultureInfo.InvariantCulture)}"), queries, queryPos, memory, pos, blocked);
            prediction = Head(w.Scope("head"), queries, maskFeatures, sizes[0]);
        }

        return prediction;
    }

    private string DecoderLayer(ModuleWeights w, string queries, string queryPos, string memory, string memoryPos, string blocked)
    {
        var q = Ops.Add(queries, queryPos);
        var k = Ops.Add(memory, memoryPos);
        var cross = _attention.Attend(w.Scope("cross_attn"), q, k, memory, blocked, AllBlockedRule.AttendEverywhere).Output;
        var x = layers.LayerNorm(w.Scope("cross_norm"), Ops.Add(queries, cross));
        var qs = Ops.Add(x, queryPos);
        x = layers.LayerNorm(w.Scope("self_norm"), Ops.Add(x, _attention.Attend(w.Scope("self_attn"), qs, qs, x, null, AllBlockedRule.AttendEverywhere).Output));
        return _attention.FeedForward(w.Scope("ffn"), x);
    }

    private (string ClassLogits, string MaskLogits) Head(ModuleWeights w, string queries, string maskFeatures, long size)
    {
        var q = layers.LayerNorm(w.Scope("decoder_norm"), queries);
        var e = Ops.Relu(layers.Linear(w.Scope("mask_embed.0"), q));
        e = Ops.Relu(layers.Linear(w.Scope("mask_embed.2"), e));
        e = layers.Linear(w.Scope("mask_embed.4"), e);
        var masks = Ops.Reshape(Ops.MatMul(e, Ops.Reshape(maskFeatures, 0, 0, -1)), 0, 0, size, size);
        return (layers.Linear(w.Scope("class_embed"), q), masks);
    }

    // The decoder's sine encoding is a function of the (fixed) feature size only: computed once with the model's own
    // code, so the constant is bit-identical to what the TorchSharp forward adds.
    private string SinePositionConstant(long size)
    {
        var type = typeof(SegmenterTrunk).Assembly.GetType("SegPref.Models.Segmentation.SinePosition")
            ?? throw new InvalidOperationException("SegPref.Models has no SinePosition type: the exporter does not match this module version.");
        var method = type.GetMethod("Encode", BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException("SinePosition.Encode not found: the exporter does not match this module version.");
        using var noGrad = no_grad();
        using var pos = (Tensor)method.Invoke(null, [size, size, options.Dim])!;
        return layers.Computed($"sine_pos_{size}", pos);
    }
}
