using Onnx;
using SegPref.Inference.Export.Graph;
using SegPref.Models.Segmentation;
using static TorchSharp.torch;

namespace SegPref.Inference.Export.Segmentation;

/// <summary>
/// Exports <see cref="TesoSegmenter"/> or <see cref="AudioOnlySegmenter"/> (eval mode) to one ONNX graph:
/// frames [T,3,S,S] (ImageNet-normalised), audio [T,AudioDim], for TeSO also cues [T,slots,D] and cue_valid [T,slots]
/// (bool) -> map_logits [T,S,S], and for TeSO audio_support [T] (SeDAM's soft keep of the best-supported cue). T is dynamic.
/// </summary>
public static class SegmenterExporter
{
    /// <summary>Input name of the normalised frames.</summary>
    public const string Frames = "frames";

    /// <summary>Input name of the audio embeddings.</summary>
    public const string Audio = "audio";

    /// <summary>Input name of the cue embeddings (TeSO only).</summary>
    public const string Cues = "cues";

    /// <summary>Input name of the cue validity (TeSO only, bool).</summary>
    public const string CueValid = "cue_valid";

    /// <summary>Output name of the map logits.</summary>
    public const string MapLogits = "map_logits";

    /// <summary>Output name of TeSO's audio support.</summary>
    public const string AudioSupport = "audio_support";

    /// <summary>The serialized ONNX model of <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">A segmenter type without an exporter.</exception>
    public static byte[] Export(Segmenter model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model is not (TesoSegmenter or AudioOnlySegmenter))
        {
            throw new ArgumentException($"No ONNX exporter for segmenter type {model.GetType().Name}.", nameof(model));
        }

        model.eval();
        using var noGrad = no_grad();
        var o = model.Options;
        var s = (long)o.ImageSize;
        var g = new GraphBuilder(model is TesoSegmenter ? "teso" : "audio_only");
        var layers = new Layers(new Ops(g));
        var ops = layers.Ops;
        var w = new ModuleWeights(model);
        var frames = g.Input(Frames, TensorProto.Types.DataType.Float, "T", 3, s, s);
        var audio = g.Input(Audio, TensorProto.Types.DataType.Float, "T", o.AudioDim);
        string prompts, blocked, gate;
        string? support = null;
        var trunk = new TrunkEmitter(layers, o, model.Trunk.VisualEncoder);
        string[]? features = null;
        if (model is TesoSegmenter teso)
        {
            var cues = g.Input(Cues, TensorProto.Types.DataType.Float, "T", o.CueSlots, o.TextDim);
            var valid = g.Input(CueValid, TensorProto.Types.DataType.Bool, "T", o.CueSlots);
            var silence = ops.Reshape(layers.Constant(w, "silence_embedding"), 1, -1);
            using var margin = teso.Sedam.Margin();
            var marginValue = o.DynamicMask == DynamicMaskMode.Calibrated ? layers.Computed("sedam_margin", margin) : null;
            features = trunk.Encode(w.Scope("trunk"), frames);
            var pooled = o.VisualOpenCue ? ops.ReduceMean(features[^1], [2, 3], keepDims: false) : null;
            var sedam = new SedamEmitter(layers, o).Emit(w.Scope("sedam"), cues, valid, audio, silence, marginValue, pooled);
            (prompts, blocked, gate, support) = (sedam.Prompts, sedam.Blocked, sedam.Gate, sedam.Support);
            if (o.AudioPrompts)
            {
                var (tokens, none) = AudioPrompts(w.Scope("audio_prompt"), audio, o, layers);
                (prompts, blocked) = (ops.Concat(1, prompts, tokens), ops.Concat(1, blocked, none));
            }
        }
        else
        {
            (prompts, blocked) = AudioPrompts(w.Scope("audio_proj"), audio, o, layers);
            gate = g.Scalar("one", 1f);
        }

        var map = trunk.Emit(w.Scope("trunk"), features ?? trunk.Encode(w.Scope("trunk"), frames), prompts, blocked, gate);
        g.Output(map, MapLogits, TensorProto.Types.DataType.Float, "T", s, s);
        if (support is not null)
        {
            g.Output(support, AudioSupport, TensorProto.Types.DataType.Float, "T");
        }

        return g.ToBytes($"{model.GetType().Name} {o}");
    }

    // Projected audio tokens [B,tokens,d] and their all-false block mask [B,tokens].
    private static (string Tokens, string Blocked) AudioPrompts(ModuleWeights w, string audio, SegmenterOptions o, Layers layers)
    {
        var ops = layers.Ops;
        var tokens = SedamEmitter.AudioTokens(w, audio, o, layers);
        var batch = ops.SliceDims(ops.Shape(audio), 0, 1);
        var none = ops.Graph.Bools("no_block", new bool[o.AudioTokens], 1, o.AudioTokens);
        return (tokens, ops.Expand(none, ops.Concat(0, batch, ops.Graph.Int64s("tokens", o.AudioTokens))));
    }
}
