using System.Globalization;
using Onnx;
using SegPref.Inference.Export.Graph;
using SegPref.Inference.Export.Segmentation;
using SegPref.Models.Captioning;
using SegPref.Models.Segmentation;
using static TorchSharp.torch;

namespace SegPref.Inference.Export.Captioning;

/// <summary>
/// Exports <see cref="Captioner"/> as two graphs: the image encoder (images [N,3,S,S] -> memory [N,g*g,d]) and a decoder
/// step that recomputes over the prefix (memory, tokens [N,L] -> log-probabilities of the next token [N,V]), which is
/// what greedy decoding needs; eval mode (dropout off).
/// </summary>
public static class CaptionerExporter
{
    /// <summary>Encoder input: ImageNet-normalised images.</summary>
    public const string Images = TensorNames.Images;

    /// <summary>Encoder output / decoder input: visual tokens.</summary>
    public const string Memory = TensorNames.Memory;

    /// <summary>Decoder input: the prefix, starting with &lt;bos&gt;.</summary>
    public const string Tokens = TensorNames.Tokens;

    /// <summary>Decoder output: log-softmax of the next token.</summary>
    public const string NextLogProbs = TensorNames.NextLogProbs;

    /// <summary>The encoder graph.</summary>
    public static byte[] ExportEncoder(Captioner model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.eval();
        using var noGrad = no_grad();
        var c = model.Config;
        var g = new GraphBuilder("captioner_encoder");
        var layers = new Layers(new Ops(g));
        var ops = layers.Ops;
        var w = new ModuleWeights(model).Scope("encoder");
        var x = g.Input(Images, TensorProto.Types.DataType.Float, "N", 3, c.ImageSize, c.ImageSize);
        for (var i = 0; i < c.EncoderStages; i++)
        {
            var block = w.Scope($"blocks.block{(i + 1).ToString(CultureInfo.InvariantCulture)}");
            x = ops.Relu(layers.BatchNorm2d(block.Scope("bn1"), layers.Conv2d(block.Scope("conv1"), x, 2, 1)));
            if (block.Has("conv2.weight"))
            {
                x = ops.Relu(layers.BatchNorm2d(block.Scope("bn2"), layers.Conv2d(block.Scope("conv2"), x, 1, 1)));
            }
        }

        x = ops.Transpose(layers.Conv2d(w.Scope("proj"), x, 1, 0), 0, 2, 3, 1);
        using var grid = w["row_embed"] + w["col_embed"];
        x = ops.Reshape(ops.Add(x, layers.Computed("grid_pos", grid)), 0, -1, c.Width);
        g.Output(x, Memory, TensorProto.Types.DataType.Float, "N", (long)c.TokenGrid * c.TokenGrid, c.Width);
        return g.ToBytes("captioner image encoder");
    }

    /// <summary>The decoder-step graph.</summary>
    public static byte[] ExportDecoder(Captioner model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.eval();
        using var noGrad = no_grad();
        var c = model.Config;
        var g = new GraphBuilder("captioner_decoder");
        var layers = new Layers(new Ops(g));
        var ops = layers.Ops;
        var w = new ModuleWeights(model);
        var attention = new AttentionEmitter(layers, c.Heads);
        var memory = g.Input(Memory, TensorProto.Types.DataType.Float, "N", (long)c.TokenGrid * c.TokenGrid, c.Width);
        var tokens = g.Input(Tokens, TensorProto.Types.DataType.Int64, "N", "L");
        var length = ops.SliceDims(ops.Shape(tokens), 1, 2);
        var positions = g.Node("Slice", [layers.Constant(w, "pos_embed"), g.Int64s("start", 0), length, g.Int64s("axis", 0)]);
        var x = ops.Add(ops.Gather(layers.Table(w.Scope("tok_embed")), tokens), positions);

        // Causal mask [1,L,L]: position i may not look at j > i.
        var range = g.Node("Range", [g.Int64Scalar("zero", 0), ops.Squeeze(length, 0), g.Int64Scalar("step", 1)]);
        var causal = ops.Unsqueeze(g.Node("Greater", [ops.Unsqueeze(range, 0), ops.Unsqueeze(range, 1)]), 0);
        for (var i = 0; i < c.Layers; i++)
        {
            var l = w.Scope($"layers.{i.ToString(CultureInfo.InvariantCulture)}");
            var h = layers.LayerNorm(l.Scope("norm1"), x);
            x = ops.Add(x, attention.Attend(l.Scope("self_attn"), h, h, h, causal, AllBlockedRule.AttendEverywhere).Output);
            var h2 = layers.LayerNorm(l.Scope("norm2"), x);
            x = ops.Add(x, attention.Attend(l.Scope("cross_attn"), h2, memory, memory, null, AllBlockedRule.AttendEverywhere).Output);
            var f = layers.Linear(l.Scope("ffn_out"), ops.Gelu(layers.Linear(l.Scope("ffn_in"), layers.LayerNorm(l.Scope("norm3"), x))));
            x = ops.Add(x, f);
        }

        var last = ops.Squeeze(ops.Sub(length, g.Int64s("one_i", 1)), 0);
        var logits = layers.Linear(w.Scope("head"), layers.LayerNorm(w.Scope("norm"), g.Node("Gather", [x, last], ("axis", 1))));
        var logProbs = g.Node("LogSoftmax", [logits], ("axis", -1));
        g.Output(logProbs, NextLogProbs, TensorProto.Types.DataType.Float, "N", c.VocabularySize);
        return g.ToBytes("captioner decoder step (recomputes over the prefix)");
    }
}
