namespace SegPref.Models.Cues;

/// <summary>Computes <see cref="CueRetrievalScores"/> (see there for the exact definitions).</summary>
public static class CueRetrieval
{
    /// <summary>Scores the word vectors <paramref name="text"/> ([V, D] row-major, unit length) against <paramref name="audio"/>.</summary>
    /// <exception cref="ArgumentException">The widths differ, <paramref name="text"/> is not V × D, or the set is empty.</exception>
    public static CueRetrievalScores Score(float[] text, int vocabularySize, CueAudioSet audio)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(audio);
        if (audio.Count == 0 || vocabularySize <= 0 || text.Length != vocabularySize * audio.Width)
        {
            throw new ArgumentException(
                $"Cannot score {text.Length / Math.Max(vocabularySize, 1)}-wide vectors of {vocabularySize} words against {audio.Count} seconds of width {audio.Width}.");
        }

        var similarity = Similarities(text, vocabularySize, audio);
        var top1 = Enumerable.Range(0, audio.Count).Count(i => ArgMax(similarity, i, vocabularySize) == audio.Labels[i]);

        var queries = audio.Labels.GroupBy(l => l).Select(g => (Class: g.Key, K: g.Count())).OrderBy(q => q.Class).ToList();
        double rPrecision = 0, recallAt1 = 0, chance = 0;
        foreach (var (cls, k) in queries)
        {
            var ranked = Enumerable.Range(0, audio.Count).OrderByDescending(i => similarity[(i * vocabularySize) + cls]).ThenBy(i => i).ToList();
            rPrecision += ranked.Take(k).Count(i => audio.Labels[i] == cls) / (double)k;
            recallAt1 += audio.Labels[ranked[0]] == cls ? 1 : 0;
            chance += k / (double)audio.Count;
        }

        return new CueRetrievalScores(
            top1 / (double)audio.Count, rPrecision / queries.Count, recallAt1 / queries.Count, audio.Count, queries.Count,
            1.0 / vocabularySize, chance / queries.Count);
    }

    // [seconds, words] cosine matrix; both sides are unit length, so a dot product.
    private static float[] Similarities(float[] text, int words, CueAudioSet audio)
    {
        var width = audio.Width;
        var result = new float[audio.Count * words];
        for (var i = 0; i < audio.Count; i++)
        {
            var a = audio.Embeddings.AsSpan(i * width, width);
            for (var w = 0; w < words; w++)
            {
                var t = text.AsSpan(w * width, width);
                float dot = 0;
                for (var j = 0; j < width; j++)
                {
                    dot += a[j] * t[j];
                }

                result[(i * words) + w] = dot;
            }
        }

        return result;
    }

    private static int ArgMax(float[] matrix, int row, int columns)
    {
        var best = 0;
        for (var c = 1; c < columns; c++)
        {
            if (matrix[(row * columns) + c] > matrix[(row * columns) + best])
            {
                best = c;
            }
        }

        return best;
    }
}
