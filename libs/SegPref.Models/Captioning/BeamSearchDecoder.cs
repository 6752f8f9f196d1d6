using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>
/// Batch beam search. Rows are image-major (image i owns rows i*K .. i*K+K-1). Each step every live beam proposes
/// its K best next tokens, finished beams propose themselves unchanged, and each image keeps the K best proposals by
/// length-normalised score; ties keep the earlier beam and the lower token id, so the result is deterministic.
/// </summary>
internal static class BeamSearchDecoder
{
    public static List<int[]> Decode(Captioner model, Tensor images, int steps, int width, double alpha)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var count = (int)images.shape[0];
        var memory = model.Encode(images).repeat_interleave(width, 0);
        using var cache = model.StartDecode(memory);
        var beams = Enumerable.Range(0, count * width)
            .Select(r => r % width == 0 ? BeamHypothesis.Empty : null)
            .ToArray();
        for (var position = 0; position < steps && beams.Any(b => b is { Finished: false }); position++)
        {
            using var stepScope = NewDisposeScope();
            var current = beams.Select(b => b is null || b.Tokens.Length == 0 ? (long)CaptionVocabulary.Bos : b.Tokens[^1]).ToArray();
            var logProbs = model.Step(tensor(current), position, cache).log_softmax(-1);
            var vocab = (int)logProbs.shape[1];
            var values = logProbs.data<float>().ToArray();
            var parents = new long[beams.Length];
            var next = new BeamHypothesis?[beams.Length];
            for (var i = 0; i < count; i++)
            {
                var chosen = Proposals(beams, values, vocab, i * width, width, alpha);
                for (var k = 0; k < width; k++)
                {
                    var (parent, hypothesis) = k < chosen.Count ? chosen[k] : (i * width, null);
                    parents[(i * width) + k] = parent;
                    next[(i * width) + k] = hypothesis;
                }
            }

            cache.Select(tensor(parents));
            beams = next;
        }

        return [.. Enumerable.Range(0, count).Select(i => Best(beams, i * width, width, alpha))];
    }

    private static List<(int Row, BeamHypothesis Hypothesis)> Proposals(
        BeamHypothesis?[] beams, float[] values, int vocab, int first, int width, double alpha)
    {
        var proposals = new List<(int Row, BeamHypothesis Hypothesis)>();
        for (var row = first; row < first + width; row++)
        {
            if (beams[row] is not { } beam)
            {
                continue;
            }

            if (beam.Finished)
            {
                proposals.Add((row, beam));
                continue;
            }

            var scores = values.AsSpan(row * vocab, vocab);
            foreach (var token in TopTokens(scores, width))
            {
                proposals.Add((row, beam.Extend(token, scores[token])));
            }
        }

        // OrderBy is a stable sort: equal scores keep beam-then-token order.
        return [.. proposals.OrderByDescending(p => p.Hypothesis.Score(alpha)).Take(width)];
    }

    private static int[] TopTokens(ReadOnlySpan<float> scores, int k)
    {
        var indices = Enumerable.Range(0, scores.Length).ToArray();
        var keys = scores.ToArray();
        return indices.OrderByDescending(i => keys[i]).Take(k).ToArray();
    }

    private static int[] Best(BeamHypothesis?[] beams, int first, int width, double alpha)
    {
        var candidates = beams.Skip(first).Take(width).OfType<BeamHypothesis>().ToList();
        var pool = candidates.Any(c => c.Finished) ? candidates.Where(c => c.Finished) : candidates;
        return pool.OrderByDescending(c => c.Score(alpha)).First().Tokens;
    }
}
