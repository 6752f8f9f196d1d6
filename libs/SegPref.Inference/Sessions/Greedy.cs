namespace SegPref.Inference.Sessions;

/// <summary>The greedy decoding loop both ONNX captioners share.</summary>
internal static class Greedy
{
    /// <summary>Index of the largest value, the lowest index on ties (as CaptionerRun's greedy decoder).</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// Decodes <paramref name="rows"/> sequences from <paramref name="start"/>: each step, <paramref name="nextScores"/>
    /// gets every row's prefix (row-major [rows, length]) and returns the scores of the next token, [rows, V]; each row
    /// takes its most likely token. A row stops at <paramref name="eos"/> (left out of its tokens); finished rows keep
    /// decoding for the batch's shape but are ignored; all stop after <paramref name="steps"/> steps.
    /// </summary>
    public static List<int>[] Decode(int rows, long start, int eos, int steps, Func<long[], int, float[]> nextScores)
    {
        var tokens = Enumerable.Range(0, rows).Select(_ => new List<int>()).ToArray();
        var prefix = new List<long>[rows];
        for (var r = 0; r < rows; r++)
        {
            prefix[r] = [start];
        }

        var finished = new bool[rows];
        for (var step = 0; step < steps && !finished.All(f => f); step++)
        {
            var length = prefix[0].Count;
            var scores = nextScores([.. prefix.SelectMany(p => p)], length);
            var vocab = scores.Length / rows;
            for (var r = 0; r < rows; r++)
            {
                var next = ArgMax(scores.AsSpan(r * vocab, vocab));
                prefix[r].Add(next);
                if (!finished[r])
                {
                    finished[r] = next == eos;
                    if (!finished[r])
                    {
                        tokens[r].Add(next);
                    }
                }
            }
        }

        return tokens;
    }
}
