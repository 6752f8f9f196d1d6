using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// BCE-with-logits + soft Dice on the binary map, plus InfoNCE. The map logits at 1/4 resolution are upsampled
/// bilinearly to the masks' resolution (the input size or 1/4 of it). Dice per frame: 1 - (2 sum(p g) + 1) / (sum p + sum g + 1).
/// </summary>
public static class SegmentationLoss
{
    /// <summary>
    /// Computes the loss of <paramref name="output"/> against <paramref name="masks"/> [B,h,w] (0/1 floats) and, for the
    /// cue-relevance term, <paramref name="cueTargets"/> [B,S] (1 = the cue's class sounds, 0 = it does not, -1 = no cue);
    /// for the grounding term, <paramref name="groundingTargets"/> [B,S,h,w] (1 inside a box of an object the slot's cue
    /// names, 0 elsewhere, -1 over the whole map of a slot without a cue).
    /// </summary>
    /// <exception cref="ArgumentException">Masks of the wrong shape, or a grounding weight for a model without the grounding head.</exception>
    public static LossTerms Compute(SegmentationOutput output, Tensor masks, SegmentationLossOptions options, Tensor? cueTargets = null, Tensor? groundingTargets = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(masks);
        ArgumentNullException.ThrowIfNull(options);
        var low = output.LowResMapLogits;
        if (masks.dim() != 3 || masks.shape[0] != low.shape[0])
        {
            throw new ArgumentException($"Masks must be [{low.shape[0]},h,w], got [{string.Join(",", masks.shape)}].", nameof(masks));
        }

        var target = masks.to(low.dtype);
        var logits = masks.shape[1] == low.shape[1] && masks.shape[2] == low.shape[2]
            ? low
            : nn.functional.interpolate(low.unsqueeze(1), size: [masks.shape[1], masks.shape[2]], mode: InterpolationMode.Bilinear, align_corners: false).squeeze(1);
        var bce = nn.functional.binary_cross_entropy_with_logits(logits, target);
        var p = logits.sigmoid().flatten(1);
        var g = target.flatten(1);
        var dice = (1 - (((2 * (p * g).sum(1)) + 1) / (p.sum(1) + g.sum(1) + 1))).mean();
        var infoNce = output.Contrastive is null || options.InfoNceWeight == 0
            ? zeros(1, dtype: low.dtype).sum()
            : InfoNce.Compute(output.Contrastive, options.InfoNceTemperature);
        var cue = options.CueWeight == 0 || cueTargets is null || output.Sedam is null
            ? zeros(1, dtype: low.dtype).sum()
            : CueRelevance(output.Sedam, cueTargets);
        var grounding = options.GroundingWeight == 0 || groundingTargets is null
            ? zeros(1, dtype: low.dtype).sum()
            : Grounding(output.GroundingLogits ?? throw new ArgumentException("A grounding weight needs a model built with the grounding head (SegmenterOptions.Grounding).", nameof(output)), groundingTargets);
        var total = (options.BceWeight * bce) + (options.DiceWeight * dice) + (options.InfoNceWeight * infoNce) + (options.CueWeight * cue) + (options.GroundingWeight * grounding);
        return new LossTerms(total, bce, dice, infoNce, cue, grounding);
    }

    // BCE over the pixels of the slots that hold a cue, plus the mean soft Dice of those slots (an object the caption
    // names but the frame lacks has an empty target: Dice then asks for an empty map). Logits upsampled to the targets.
    private static Tensor Grounding(Tensor logits, Tensor targets)
    {
        if (targets.dim() != 4 || targets.shape[0] != logits.shape[0] || targets.shape[1] != logits.shape[1])
        {
            throw new ArgumentException($"Grounding targets must be [{logits.shape[0]},{logits.shape[1]},h,w], got [{string.Join(",", targets.shape)}].", nameof(targets));
        }

        var present = targets.select(-1, 0).select(-1, 0).ge(0);
        if (!present.any().item<bool>())
        {
            return zeros(1, dtype: logits.dtype).sum();
        }

        var (h, w) = (targets.shape[2], targets.shape[3]);
        var up = logits.shape[2] == h && logits.shape[3] == w
            ? logits
            : nn.functional.interpolate(logits, size: [h, w], mode: InterpolationMode.Bilinear, align_corners: false);
        var keep = present.unsqueeze(-1);
        var l = up.flatten(2).masked_select(keep).view(-1, h * w);
        var g = targets.flatten(2).masked_select(keep).view(-1, h * w).to(l.dtype);
        var bce = nn.functional.binary_cross_entropy_with_logits(l, g);
        var p = l.sigmoid();
        var dice = (1 - (((2 * (p * g).sum(1)) + 1) / (p.sum(1) + g.sum(1) + 1))).mean();
        return bce + dice;
    }

    /// <summary>
    /// The counterfactual relevance term: the cue-relevance BCE of a pass on audio in which nothing visible sounds, with
    /// every slot that holds a cue (and the open cue) targeted 0 in every layer; slots of <paramref name="cueTargets"/>
    /// below 0 (no cue) are left out.
    /// </summary>
    public static Tensor Counterfactual(SedamOutput sedam, Tensor cueTargets)
    {
        ArgumentNullException.ThrowIfNull(sedam);
        ArgumentNullException.ThrowIfNull(cueTargets);
        var present = cueTargets.ge(0);
        if (!present.any().item<bool>())
        {
            return zeros(1, dtype: sedam.Prompts.dtype).sum();
        }

        return stack([.. sedam.LayerRelevance.Select(r => nn.functional.binary_cross_entropy_with_logits(r.masked_select(present), zeros_like(r).masked_select(present)))]).mean();
    }

    /// <summary>
    /// The open cue's counterfactual term: BCE of its last-layer relevance against 0 on audio in which nothing visible
    /// sounds (the earlier layers keep their "keep it" target, as in the cue-relevance term; the text cues are left out).
    /// </summary>
    /// <exception cref="ArgumentException">The model has no open cue.</exception>
    public static Tensor CounterfactualOpenCue(SedamOutput sedam)
    {
        ArgumentNullException.ThrowIfNull(sedam);
        if (!sedam.HasOpenCue)
        {
            throw new ArgumentException("The open-cue counterfactual term needs TeSO's open cue.", nameof(sedam));
        }

        var open = sedam.LayerRelevance[^1].select(1, -1);
        return nn.functional.binary_cross_entropy_with_logits(open, zeros_like(open));
    }

    /// <summary>The cue-relevance term of <see cref="Compute"/> alone (for a counterfactual pass that keeps the frame's targets).</summary>
    public static Tensor Relevance(SedamOutput sedam, Tensor cueTargets)
    {
        ArgumentNullException.ThrowIfNull(sedam);
        ArgumentNullException.ThrowIfNull(cueTargets);
        return CueRelevance(sedam, cueTargets);
    }

    // Mean over SeDAM layers of BCE(relevance, sounding) on the slots that hold a cue: every layer's keep decision is
    // an AND, so each must keep a sounding cue and any may drop a silent one. The open cue is the exception: only after
    // the last layer's self-attention does it know which objects the text cues cover, so earlier layers must merely
    // keep it whenever something sounds (target 1; silence masks it through the calibrated rule anyway).
    private static Tensor CueRelevance(SedamOutput sedam, Tensor targets)
    {
        var present = targets.ge(0);
        if (!present.any().item<bool>())
        {
            return zeros(1, dtype: sedam.Prompts.dtype).sum();
        }

        var last = sedam.LayerRelevance.Count - 1;
        var early = targets;
        if (sedam.HasOpenCue)
        {
            early = targets.clone();
            early[TensorIndex.Colon, -1] = 1;
        }

        // With evidence relevance: relevance + prior (detached) is the posterior logit, and the prior head learns the
        // text-only logit from the final targets; the relevance then carries only what the audio adds.
        var prior = sedam.Prior?.detach();
        var terms = sedam.LayerRelevance.Select((r, l) =>
            nn.functional.binary_cross_entropy_with_logits((prior is null ? r : r + prior).masked_select(present), (l == last ? targets : early).masked_select(present).to(r.dtype))).ToList();
        if (sedam.Prior is { } p)
        {
            terms.Add(nn.functional.binary_cross_entropy_with_logits(p.masked_select(present), targets.masked_select(present).to(p.dtype)));
        }

        return stack([.. terms]).mean();
    }
}
