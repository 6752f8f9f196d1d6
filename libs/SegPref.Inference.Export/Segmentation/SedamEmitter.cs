using System.Globalization;
using SegPref.Inference.Export.Graph;
using SegPref.Models.Segmentation;

namespace SegPref.Inference.Export.Segmentation;

/// <summary>
/// Writes <see cref="Sedam"/> at inference: the hard keep decisions (the straight-through terms add exact zeros in the
/// forward value), the calibrated relevance against the silence tokens, the frame gate, and the audio support.
/// </summary>
internal sealed class SedamEmitter(Layers layers, SegmenterOptions options)
{
    private readonly AttentionEmitter _attention = new(layers, options.Heads);

    private Ops Ops => layers.Ops;

    private GraphBuilder G => layers.Ops.Graph;

    /// <summary>
    /// Prompts [B,S,d], the prompts the decoder may not see (bool [B,S]: not kept, or with silent prompts only the empty
    /// slots), the gate (float [B,1,1]) and the audio support (float [B]).
    /// </summary>
    public (string Prompts, string Blocked, string Gate, string Support) Emit(ModuleWeights w, string cues, string valid, string audio, string silence, string? margin, string? visual = null)
    {
        var audioTokens = AudioTokens(w.Scope("audio_proj"), audio, options);
        var silenceTokens = AudioTokens(w.Scope("audio_proj"), silence, options);
        var x = layers.Linear(w.Scope("text_proj.2"), Ops.Relu(layers.Linear(w.Scope("text_proj.0"), cues)));
        var keep = valid;
        if (options.OpenCue)
        {
            // One more, always valid slot: the learned open cue [1,1,d] expanded over the batch.
            var batch = Ops.SliceDims(Ops.Shape(cues), 0, 1);
            var token = Ops.Expand(layers.Constant(w, "open_cue"), Ops.Concat(0, batch, G.Int64s("open_cue_shape", 1, options.Dim)));
            if (options.IsolateOpenCue)
            {
                // Isolated: plus a linear map of the mean of the valid text tokens (what the description names).
                var validF = Ops.Unsqueeze(layers.ToFloat(valid), -1);
                var named = Ops.Div(Ops.ReduceSum(Ops.Mul(x, validF), [1], keepDims: false), Ops.Max(Ops.ReduceSum(validF, [1], keepDims: false), G.Scalar("one_slot", 1f)));
                token = Ops.Add(token, Ops.Unsqueeze(layers.Linear(w.Scope("open_cue_named"), named), 1));
            }

            if (options.VisualOpenCue)
            {
                // The pooled visual features [B,C] through open_cue_visual, one token per frame: [B,1,d].
                token = Ops.Add(token, Ops.Unsqueeze(layers.Linear(w.Scope("open_cue_visual"), visual ?? throw new ArgumentNullException(nameof(visual), "The visual open cue needs the pooled visual features.")), 1));
            }

            x = Ops.Concat(1, x, token);
            keep = Ops.Concat(1, keep, Ops.Expand(G.Bools("open_cue_valid", [true], 1, 1), Ops.Concat(0, batch, G.Int64s("open_cue_slots", 1))));
        }

        var slotValid = keep;
        var support = layers.ToFloat(keep);
        string? isolation = null;
        if (options.IsolateOpenCue)
        {
            // SedamLayer.Isolation: the open cue (last slot) and the text cues do not attend to each other.
            var slots = options.CueSlots + 1;
            var values = new bool[slots * slots];
            for (var i = 0; i < slots; i++)
            {
                for (var j = 0; j < slots; j++)
                {
                    values[(i * slots) + j] = (i == slots - 1) != (j == slots - 1);
                }
            }

            isolation = G.Bools("open_cue_isolation", values, 1, slots, slots);
        }

        var temperature = G.Scalar("relevance_temperature", (float)options.RelevanceTemperature);
        for (var i = 0; i < options.SedamLayers; i++)
        {
            var layer = w.Scope($"layers.{i.ToString(CultureInfo.InvariantCulture)}");
            var cross = _attention.GatedCross(layer.Scope("cross_attn"), x, null, audioTokens, null);
            var relevance = options.DynamicMask == DynamicMaskMode.Peak ? PeakLogit(cross.Logits, options.AudioTokens) : MeanLogit(cross.Logits);
            if (options.DynamicMask == DynamicMaskMode.Calibrated)
            {
                var reference = MeanLogit(_attention.Scores(layer.Scope("cross_attn.attn"), x, silenceTokens));
                relevance = Ops.Sub(Ops.Sub(relevance, reference), margin ?? throw new ArgumentNullException(nameof(margin), "The calibrated rule needs the margin."));
            }

            if (options.KeepThreshold != 0)
            {
                // The operating point chosen on val: keep iff relevance >= threshold, soft keep sigmoid((r - threshold) / T).
                relevance = Ops.Sub(relevance, G.Scalar("keep_threshold", (float)options.KeepThreshold));
            }

            support = Ops.Mul(support, Ops.Sigmoid(Ops.Div(relevance, temperature)));
            if (options.DynamicMask != DynamicMaskMode.Off)
            {
                keep = Ops.And(keep, Ops.GreaterOrEqual(relevance, G.Scalar("zero", 0f)));
            }

            var blocked = Ops.Unsqueeze(Ops.Not(keep), 1);
            if (isolation is not null)
            {
                // a OR b = NOT(NOT a AND NOT b), broadcast [B,1,S] with [1,S,S].
                blocked = Ops.Not(Ops.And(Ops.Not(blocked), Ops.Not(isolation)));
            }

            var self = _attention.Attend(layer.Scope("self_attn"), cross.Output, cross.Output, cross.Output, blocked, AllBlockedRule.Nothing);
            x = _attention.FeedForward(layer.Scope("ffn"), layers.LayerNorm(layer.Scope("self_norm"), Ops.Add(cross.Output, self.Output)));
        }

        var hard = layers.ToFloat(keep);
        var prompts = Ops.Mul(layers.Linear(w.Scope("prompt_proj"), x), Ops.Unsqueeze(hard, -1));
        var blockedPrompts = Ops.Not(keep);
        if (options.SilentPrompts)
        {
            // Sedam: a dropped valid cue carries silent_proj(x); only empty slots are hidden from the queries.
            var dropped = Ops.Sub(layers.ToFloat(slotValid), hard);
            prompts = Ops.Add(prompts, Ops.Mul(layers.Linear(w.Scope("silent_proj"), x), Ops.Unsqueeze(dropped, -1)));
            blockedPrompts = Ops.Not(slotValid);
        }

        var gate = options.DynamicMask == DynamicMaskMode.Off
            ? G.Scalar("one", 1f)
            : Ops.Reshape(Ops.ReduceMax(hard, [-1], keepDims: false), -1, 1, 1);
        return (prompts, blockedPrompts, gate, Ops.ReduceMax(support, [-1], keepDims: false));
    }

    /// <summary><see cref="AudioTokenizer"/>: [B,AudioDim] -> [B,tokens,d] (from an embedding, or one token per map position).</summary>
    public static string AudioTokens(ModuleWeights w, string audio, SegmenterOptions options, Layers layers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(layers);
        if (options.AudioMapChannels > 0)
        {
            var positions = layers.Ops.Reshape(audio, -1, options.AudioTokens, options.AudioMapChannels);
            var perPosition = layers.Ops.Relu(layers.Linear(w.Scope("mlp.0"), positions));
            return layers.Ops.Add(layers.Linear(w.Scope("mlp.2"), perPosition), layers.Constant(w, "position"));
        }

        var hidden = layers.Ops.Relu(layers.Linear(w.Scope("mlp.0"), audio));
        return layers.Ops.Reshape(layers.Linear(w.Scope("mlp.2"), hidden), -1, options.AudioTokens, options.Dim);
    }

    private string AudioTokens(ModuleWeights w, string audio, SegmenterOptions o) => AudioTokens(w, audio, o, layers);

    // Mean over keys, then over heads: [B,heads,S,A] -> [B,S].
    private string MeanLogit(string logits) => Ops.ReduceMean(Ops.ReduceMean(logits, [-1], keepDims: false), [1], keepDims: false);

    // Log-mean-exp over the A keys (max-shifted, as torch's logsumexp), then the mean over heads: [B,heads,S,A] -> [B,S].
    private string PeakLogit(string logits, int keys)
    {
        var max = Ops.ReduceMax(logits, [-1], keepDims: true);
        var sum = Ops.ReduceSum(Ops.Exp(Ops.Sub(logits, max)), [-1], keepDims: false);
        var logMeanExp = Ops.Sub(Ops.Add(Ops.Squeeze(max, -1), Ops.Log(sum)), G.Scalar("log_keys", (float)Math.Log(keys)));
        return Ops.ReduceMean(logMeanExp, [1], keepDims: false);
    }
}
