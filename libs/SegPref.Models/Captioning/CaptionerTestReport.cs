using System.Diagnostics;

namespace SegPref.Models.Captioning;

/// <summary>Test-split figures of the kept model with greedy and beam decoding, plus a few examples for people to read.</summary>
/// <param name="Greedy">Greedy figures.</param>
/// <param name="Beam">Beam-search figures.</param>
/// <param name="BeamWidth">Beam width used.</param>
/// <param name="GreedySeconds">Wall time of greedy decoding of the test split.</param>
/// <param name="BeamSeconds">Wall time of beam decoding of the test split.</param>
/// <param name="Samples">(reference, greedy, beam) for the first test frames.</param>
internal sealed record CaptionerTestReport(
    CaptionScores Greedy,
    CaptionScores Beam,
    int BeamWidth,
    double GreedySeconds,
    double BeamSeconds,
    IReadOnlyList<(string Source, string Reference, string Greedy, string Beam)> Samples)
{
    private const int SampleCount = 20;

    public static CaptionerTestReport Evaluate(Captioner model, CaptionVocabulary vocabulary, IReadOnlyList<CaptionFrame> test, int beamWidth)
    {
        var clock = Stopwatch.StartNew();
        var (greedy, greedyText) = CaptionEvaluation.Score(model, vocabulary, test, DecodeOptions.Greedy);
        var greedySeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var (beam, beamText) = CaptionEvaluation.Score(model, vocabulary, test, DecodeOptions.Beam(beamWidth));
        var samples = Enumerable.Range(0, Math.Min(SampleCount, test.Count))
            .Select(i => (test[i].Source, test[i].Description, greedyText[i], beamText[i]))
            .ToList();
        return new CaptionerTestReport(greedy, beam, beamWidth, greedySeconds, clock.Elapsed.TotalSeconds, samples);
    }
}
