using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>Builds training tensors: images [B, 3, S, S] and token ids [B, L] (&lt;bos&gt; words &lt;eos&gt;, &lt;pad&gt; to the longest).</summary>
internal static class CaptionBatch
{
    /// <summary>&lt;bos&gt; + words + &lt;eos&gt;, cut to <paramref name="maxTokens"/> (the cut drops &lt;eos&gt;).</summary>
    public static int[] Sequence(CaptionVocabulary vocabulary, string description, int maxTokens) =>
        [.. new[] { CaptionVocabulary.Bos }.Concat(vocabulary.Encode(description)).Append(CaptionVocabulary.Eos).Take(maxTokens)];

    public static (Tensor Images, Tensor Tokens) Make(IReadOnlyList<CaptionFrame> frames, IReadOnlyList<int[]> sequences, IReadOnlyList<int> indices, int size)
    {
        var images = CaptionImages.ToTensor([.. indices.Select(i => frames[i].Image)], size);
        var length = indices.Max(i => sequences[i].Length);
        var ids = new long[indices.Count * length];
        for (var row = 0; row < indices.Count; row++)
        {
            var sequence = sequences[indices[row]];
            for (var t = 0; t < sequence.Length; t++)
            {
                ids[(row * length) + t] = sequence[t];
            }
        }

        return (images, tensor(ids).view(indices.Count, length));
    }
}
