namespace SegPref.Cues.Evaluation;

/// <summary>Scores cue extraction against ground-truth cues (e.g. lexicon vs AVS-Synth's frame cues).</summary>
public static class CueScores
{
    /// <summary>Micro precision, recall and F1 over cue sets; "None" padding, blanks and duplicates are ignored,
    /// names compare case-insensitively. With nothing predicted and nothing true at all the score is 1 (full
    /// agreement); otherwise an empty denominator gives 0.</summary>
    public static CueScore Compute(IEnumerable<(IReadOnlyList<string> Predicted, IReadOnlyList<string> Truth)> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        int tp = 0, fp = 0, fn = 0, count = 0;
        foreach (var (predicted, truth) in frames)
        {
            var p = CueSet(predicted);
            var t = CueSet(truth);
            var both = p.Count(t.Contains);
            tp += both;
            fp += p.Count - both;
            fn += t.Count - both;
            count++;
        }

        if (tp + fp + fn == 0)
        {
            return new CueScore(1, 1, 1, 0, 0, 0, count);
        }

        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new CueScore(precision, recall, f1, tp, fp, fn, count);
    }

    private static HashSet<string> CueSet(IReadOnlyList<string> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        return new HashSet<string>(
            cues.Select(c => c?.Trim() ?? string.Empty).Where(c => c.Length > 0 && !c.Equals(CueSlots.None, StringComparison.OrdinalIgnoreCase)),
            StringComparer.OrdinalIgnoreCase);
    }
}
