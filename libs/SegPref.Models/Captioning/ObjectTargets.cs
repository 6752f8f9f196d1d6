using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>
/// Targets of the auxiliary visible-kinds head: the kinds a reference description names (AVS-Synth names every
/// visible object and no fully hidden one, so this equals the frame's visible kinds).
/// </summary>
public static class ObjectTargets
{
    /// <summary>The distinct kinds named by <paramref name="descriptions"/>, sorted ordinally (the head's output order).</summary>
    public static IReadOnlyList<string> Kinds(IEnumerable<string> descriptions) =>
        [.. descriptions.SelectMany(ObjectMentions.Find).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>One 0/1 row per description over <paramref name="kinds"/>.</summary>
    public static float[][] Rows(IReadOnlyList<string> kinds, IEnumerable<string> descriptions)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return [.. descriptions.Select(d =>
        {
            var named = ObjectMentions.Find(d);
            return kinds.Select(k => named.Contains(k) ? 1f : 0f).ToArray();
        })];
    }

    /// <summary>Float32 [B, K] targets of the rows at <paramref name="indices"/>.</summary>
    public static Tensor Batch(IReadOnlyList<float[]> rows, IReadOnlyList<int> indices, int kinds) =>
        tensor([.. indices.SelectMany(i => rows[i])]).view(indices.Count, kinds);
}
