namespace SegPref.Models.Captioning;

/// <summary>
/// Object recall (visible kinds named / visible kinds) and precision (named kinds that are visible / named kinds),
/// micro-averaged over frames. Per frame, kinds are distinct (two dogs count once). The visible kinds of a frame are
/// those its reference description names: AVS-Synth descriptions name every visible object and no hidden one.
/// </summary>
/// <param name="Recall">Visible kinds named / visible kinds (1 when there are none).</param>
/// <param name="Precision">Named kinds that are visible / named kinds (1 when nothing is named).</param>
/// <param name="Visible">Total visible kinds over the frames.</param>
/// <param name="Named">Total named kinds over the frames.</param>
/// <param name="Correct">Total named kinds that are visible.</param>
public sealed record ObjectScore(double Recall, double Precision, int Visible, int Named, int Correct)
{
    /// <summary>Scores generated descriptions against the references (paired by index).</summary>
    public static ObjectScore Compute(IReadOnlyList<string> generated, IReadOnlyList<string> references)
    {
        ArgumentNullException.ThrowIfNull(generated);
        ArgumentNullException.ThrowIfNull(references);
        if (generated.Count != references.Count)
        {
            throw new ArgumentException($"{generated.Count} descriptions but {references.Count} references.", nameof(references));
        }

        int visible = 0, named = 0, correct = 0;
        for (var i = 0; i < generated.Count; i++)
        {
            var truth = ObjectMentions.Find(references[i]);
            var said = ObjectMentions.Find(generated[i]);
            visible += truth.Count;
            named += said.Count;
            correct += said.Count(truth.Contains);
        }

        return new ObjectScore(
            visible == 0 ? 1 : (double)correct / visible,
            named == 0 ? 1 : (double)correct / named,
            visible,
            named,
            correct);
    }
}
