namespace SegPref.Models.Captioning;

/// <summary>One beam: generated tokens (with &lt;eos&gt; once finished) and their summed log-probability.</summary>
internal sealed record BeamHypothesis(int[] Tokens, double LogProb, bool Finished)
{
    public static BeamHypothesis Empty { get; } = new([], 0, Finished: false);

    /// <summary>Ranking score: log-probability / length^alpha (length normalisation).</summary>
    public double Score(double alpha) => Tokens.Length == 0 ? LogProb : LogProb / Math.Pow(Tokens.Length, alpha);

    public BeamHypothesis Extend(int token, float logProb) =>
        new([.. Tokens, token], LogProb + logProb, token == CaptionVocabulary.Eos);
}
