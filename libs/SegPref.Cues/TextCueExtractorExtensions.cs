namespace SegPref.Cues;

/// <summary>Batch helpers over any <see cref="ITextCueExtractor"/>.</summary>
public static class TextCueExtractorExtensions
{
    /// <summary>Extracts cues for many descriptions with bounded concurrency; results keep the input order.</summary>
    /// <param name="extractor">The backend.</param>
    /// <param name="descriptions">One description per frame.</param>
    /// <param name="maxConcurrency">Requests in flight at once (an LLM server batches them; keep it modest).</param>
    /// <param name="ct">Cancels the batch.</param>
    public static async Task<TextCues[]> ExtractManyAsync(
        this ITextCueExtractor extractor,
        IReadOnlyList<string> descriptions,
        int maxConcurrency = 4,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(descriptions);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);

        var results = new TextCues[descriptions.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, descriptions.Count), options, async (i, token) =>
            results[i] = await extractor.ExtractAsync(descriptions[i], token));
        return results;
    }
}
