using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>Validation and test figures of a captioner: teacher-forced loss and decoded-text scores.</summary>
internal static class CaptionEvaluation
{
    /// <summary>Mean cross-entropy per target token (teacher forcing, no label smoothing), eval mode.</summary>
    public static double Loss(Captioner model, IReadOnlyList<CaptionFrame> frames, IReadOnlyList<int[]> sequences, int batchSize)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            double total = 0;
            long tokens = 0;
            foreach (var chunk in Enumerable.Range(0, frames.Count).Chunk(batchSize))
            {
                using var scope = NewDisposeScope();
                var (images, ids) = CaptionBatch.Make(frames, sequences, chunk, model.Config.ImageSize);
                var length = ids.shape[1];
                var logits = model.call(images, ids.narrow(1, 0, length - 1));
                var target = ids.narrow(1, 1, length - 1).reshape(-1);
                var loss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[^1]), target, ignore_index: CaptionVocabulary.Pad, reduction: nn.Reduction.Sum);
                total += loss.item<float>();
                tokens += target.ne(CaptionVocabulary.Pad).sum().item<long>();
            }

            return total / Math.Max(1, tokens);
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>Decodes <paramref name="frames"/> and scores the descriptions against theirs.</summary>
    public static (CaptionScores Scores, IReadOnlyList<string> Generated) Score(
        Captioner model, CaptionVocabulary vocabulary, IReadOnlyList<CaptionFrame> frames, DecodeOptions options)
    {
        var generated = CaptionDecoding.Describe(model, vocabulary, [.. frames.Select(f => f.Image)], options);
        return (CaptionScores.Compute(generated, [.. frames.Select(f => f.Description)]), generated);
    }
}
