using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>SeDAM's result for a batch of frames.</summary>
/// <param name="Prompts">Prompt tokens [B,S,d]; masked tokens are exactly zero (with <see cref="SegmenterOptions.SilentPrompts"/>: dropped valid cues carry their silent prompt, empty slots are zero).</param>
/// <param name="Keep">Final keep mask [B,S] (bool): valid and never masked by a layer.</param>
/// <param name="PromptBlocked">
/// The prompts the decoder queries may not see [B,S] (bool): not <paramref name="Keep"/>, or with
/// <see cref="SegmenterOptions.SilentPrompts"/> only the empty slots.
/// </param>
/// <param name="KeepWeight">Straight-through keep [B,S]: equals <paramref name="Keep"/> as 0/1 in value, carries the sigmoid relevances' gradient.</param>
/// <param name="FrameGate">1 where some cue survived, else 0 [B]; straight-through (soft: 1 - prod(1 - soft keep)); all ones when the dynamic mask is off.</param>
/// <param name="AudioTokens">Projected audio tokens [B,A,d] (the InfoNCE audio side).</param>
/// <param name="CueTokens">SeDAM's last tokens before the prompt projection [B,S,d] (the InfoNCE cue side).</param>
/// <param name="LayerKeeps">Keep mask after each layer, N x [B,S].</param>
/// <param name="LayerRelevance">Relevance score of each layer, N x [B,S].</param>
/// <param name="LayerAttentionLogits">Cue-to-audio attention logits of each layer, N x [B,heads,S,A].</param>
/// <param name="Support">
/// Audio support [B] in [0, 1]: max over the valid slots of prod over layers of sigmoid((relevance - keep threshold) / T), the soft keep of
/// the best-supported cue (computed in every mask mode). The served audio reliance of TeSO.
/// </param>
/// <param name="SlotSupport">Per slot [B,S]: prod over layers of sigmoid((relevance - keep threshold) / T), each cue's soft keep (0 for empty slots); <paramref name="Support"/> is its max.</param>
/// <param name="HasOpenCue">The last slot is the open cue (<see cref="SegmenterOptions.OpenCue"/>).</param>
/// <param name="Prior">
/// With <see cref="SegmenterOptions.EvidenceRelevance"/>: the text-only prior logit of each slot [B,S] (how often such a
/// cue sounds whatever the audio says), trained beside the relevance; null otherwise. Training only.
/// </param>
public sealed record SedamOutput(
    Tensor Prompts,
    Tensor Keep,
    Tensor PromptBlocked,
    Tensor KeepWeight,
    Tensor FrameGate,
    Tensor AudioTokens,
    Tensor CueTokens,
    IReadOnlyList<Tensor> LayerKeeps,
    IReadOnlyList<Tensor> LayerRelevance,
    IReadOnlyList<Tensor> LayerAttentionLogits,
    Tensor Support,
    bool HasOpenCue = false,
    Tensor? Prior = null,
    Tensor? SlotSupport = null);
