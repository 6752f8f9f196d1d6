namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// What SeDAM's dynamic mask keeps, per cue class: the soft keep (prod over layers of sigmoid(relevance / T), the
/// mean-attention-logit relevance the mask is decided from) of the cues that name a class sounding in the frame
/// against the cues that name a class visible there but silent, and how well the keep ranks the two (AUC). A keep that
/// follows the audio separates them under the clip's own audio and stops separating them, and falls, when the audio is
/// replaced (noise floor, another clip's audio); a keep that carries the class prior stays where the prior is.
/// </summary>
public static class CueKeepBreakdown
{
    /// <summary>The pseudo-class of SeDAM's open cue (its target: some sounding class that no text cue names).</summary>
    public const string OpenCue = "(open cue)";

    /// <summary>One row per cue class seen in <paramref name="split"/> (ordered by name), then the open cue, then "all".</summary>
    /// <param name="split">The scored split (its cue slots and sounding classes).</param>
    /// <param name="slotKeeps">Per row of the split: the soft keep of every slot (text cue slots, then the open cue if any).</param>
    /// <exception cref="ArgumentException">The counts do not match the split, or a row's width is not the slot count (+1).</exception>
    public static IReadOnlyList<CueKeepResult> Compute(SegmentationSplit split, IReadOnlyList<float[]> slotKeeps)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(slotKeeps);
        if (slotKeeps.Count != split.Count)
        {
            throw new ArgumentException($"Expected the slot keeps of {split.Count} frames, got {slotKeeps.Count}.", nameof(slotKeeps));
        }

        var slots = split.Cues.Valid.Length / Math.Max(1, split.Count);
        var groups = new SortedDictionary<string, (List<double> Sounding, List<double> Silent)>(StringComparer.Ordinal);
        var open = (Sounding: new List<double>(), Silent: new List<double>());
        for (var r = 0; r < split.Count; r++)
        {
            var keeps = slotKeeps[r] ?? throw new ArgumentException($"Frame {r} has no slot keeps.", nameof(slotKeeps));
            if (keeps.Length != slots && keeps.Length != slots + 1)
            {
                throw new ArgumentException($"Frame {r}: {keeps.Length} slot keeps, expected {slots} or {slots + 1}.", nameof(slotKeeps));
            }

            // The same targets the cue-relevance loss trains on: 1 sounding, 0 silent, -1 no cue; the open cue last.
            var targets = split.CueTargetsOf(r, openCue: keeps.Length == slots + 1);
            for (var k = 0; k < slots; k++)
            {
                if (targets[k] < 0)
                {
                    continue;
                }

                var cue = split.Cues.Slots[r][k];
                var group = groups.TryGetValue(cue, out var g) ? g : groups[cue] = ([], []);
                (targets[k] > 0 ? group.Sounding : group.Silent).Add(keeps[k]);
            }

            if (keeps.Length == slots + 1)
            {
                (targets[slots] > 0 ? open.Sounding : open.Silent).Add(keeps[slots]);
            }
        }

        var rows = groups.Select(kv => Result(kv.Key, kv.Value.Sounding, kv.Value.Silent)).ToList();
        if (open.Sounding.Count + open.Silent.Count > 0)
        {
            rows.Add(Result(OpenCue, open.Sounding, open.Silent));
        }

        rows.Add(Result("all text cues", [.. groups.Values.SelectMany(g => g.Sounding)], [.. groups.Values.SelectMany(g => g.Silent)]));
        return rows;
    }

    /// <summary>
    /// The probability that a random sounding cue's keep exceeds a random silent cue's (ties count one half); null when
    /// either side is empty.
    /// </summary>
    public static double? Auc(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        ArgumentNullException.ThrowIfNull(positives);
        ArgumentNullException.ThrowIfNull(negatives);
        if (positives.Count == 0 || negatives.Count == 0)
        {
            return null;
        }

        // Rank-sum (Mann-Whitney U) with mid-ranks for ties.
        var all = positives.Select(v => (Value: v, Positive: true)).Concat(negatives.Select(v => (Value: v, Positive: false))).OrderBy(x => x.Value).ToArray();
        double positiveRanks = 0;
        for (var i = 0; i < all.Length;)
        {
            var j = i;
            while (j < all.Length && all[j].Value == all[i].Value)
            {
                j++;
            }

            var midRank = ((i + 1) + j) / 2.0;
            positiveRanks += midRank * all[i..j].Count(x => x.Positive);
            i = j;
        }

        var u = positiveRanks - (positives.Count * (positives.Count + 1) / 2.0);
        return u / ((double)positives.Count * negatives.Count);
    }

    private static CueKeepResult Result(string cue, List<double> sounding, List<double> silent) => new(
        cue,
        sounding.Count,
        sounding.Count == 0 ? null : sounding.Average(),
        silent.Count,
        silent.Count == 0 ? null : silent.Average(),
        Auc(sounding, silent));
}

/// <summary>One cue class of a <see cref="CueKeepBreakdown"/>.</summary>
/// <param name="Cue">The class the cue names (or the open cue, or all text cues).</param>
/// <param name="SoundingCues">Cues of this class in frames where it sounds.</param>
/// <param name="SoundingKeep">Their mean soft keep (null when none).</param>
/// <param name="SilentCues">Cues of this class in frames where it is named but silent.</param>
/// <param name="SilentKeep">Their mean soft keep (null when none).</param>
/// <param name="Auc">P(a sounding cue's keep &gt; a silent cue's), null when either side is empty.</param>
public sealed record CueKeepResult(string Cue, int SoundingCues, double? SoundingKeep, int SilentCues, double? SilentKeep, double? Auc);
