namespace SegPref.Models.Cues;

/// <summary>
/// Retrieval between class texts and single-source audio seconds, ranked by cosine similarity (ties: lower index first).
/// </summary>
/// <param name="AudioToTextTop1">For each second with exactly one sounding class, the 70 class texts (the whole vocabulary,
/// trained or not) are ranked by cosine with its embedding; the fraction of seconds whose top-1 text is that class.</param>
/// <param name="TextToAudioRPrecision">For each class with K &gt; 0 single-source seconds, the K seconds with the highest
/// cosine to its text; the fraction of them that are of that class (R-precision), averaged over those classes.</param>
/// <param name="TextToAudioRecallAt1">The fraction of those class queries whose single most similar second is of that class.</param>
/// <param name="Seconds">Single-source seconds scored.</param>
/// <param name="QueryClasses">Classes with at least one such second (the text->audio queries).</param>
/// <param name="AudioToTextChance">1 / vocabulary size: the expected top-1 of a random ranking.</param>
/// <param name="RPrecisionChance">The mean over query classes of K / Seconds: the expected R-precision of a random ranking.</param>
public sealed record CueRetrievalScores(
    double AudioToTextTop1,
    double TextToAudioRPrecision,
    double TextToAudioRecallAt1,
    int Seconds,
    int QueryClasses,
    double AudioToTextChance,
    double RPrecisionChance);
