namespace SegPref.Models.Captioning;

/// <summary>Corpus BLEU-4 and object recall/precision of generated descriptions.</summary>
/// <param name="Bleu4">Corpus BLEU-4 in [0, 1].</param>
/// <param name="Objects">Object recall and precision.</param>
/// <param name="Frames">Frames scored.</param>
public sealed record CaptionScores(double Bleu4, ObjectScore Objects, int Frames)
{
    /// <summary>Scores <paramref name="generated"/> against <paramref name="references"/>.</summary>
    public static CaptionScores Compute(IReadOnlyList<string> generated, IReadOnlyList<string> references) =>
        new(Bleu.Corpus(generated, references), ObjectScore.Compute(generated, references), generated.Count);
}
