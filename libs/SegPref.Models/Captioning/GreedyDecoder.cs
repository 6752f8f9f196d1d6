using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>Greedy batch decoding: at every step each unfinished row takes its most likely token (lowest id on ties).</summary>
internal static class GreedyDecoder
{
    public static List<int[]> Decode(Captioner model, Tensor images, int steps)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var rows = (int)images.shape[0];
        using var cache = model.StartDecode(model.Encode(images));
        var outputs = Enumerable.Range(0, rows).Select(_ => new List<int>()).ToArray();
        var finished = new bool[rows];
        var current = Enumerable.Repeat((long)CaptionVocabulary.Bos, rows).ToArray();
        for (var position = 0; position < steps && !finished.All(f => f); position++)
        {
            using var stepScope = NewDisposeScope();
            // log_softmax, as beam search uses, so width-1 beam search and greedy break ties identically.
            var logits = model.Step(tensor(current), position, cache).log_softmax(-1);
            var vocab = (int)logits.shape[1];
            var values = logits.data<float>().ToArray();
            for (var r = 0; r < rows; r++)
            {
                var next = ArgMax(values.AsSpan(r * vocab, vocab));
                current[r] = next;
                if (!finished[r])
                {
                    outputs[r].Add(next);
                    finished[r] = next == CaptionVocabulary.Eos;
                }
            }
        }

        return [.. outputs.Select(o => o.ToArray())];
    }

    internal static int ArgMax(ReadOnlySpan<float> values)
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
}
