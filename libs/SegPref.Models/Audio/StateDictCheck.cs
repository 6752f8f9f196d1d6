using static TorchSharp.torch;

namespace SegPref.Models.Audio;

/// <summary>Strict state-dict comparison that names every missing, unexpected and mis-shaped key.</summary>
internal static class StateDictCheck
{
    public static void ThrowIfMismatched(string source, IReadOnlyDictionary<string, Tensor> expected, IReadOnlyDictionary<string, Tensor> actual)
    {
        var missing = expected.Keys.Where(k => !actual.ContainsKey(k)).ToList();
        var unexpected = actual.Keys.Where(k => !expected.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var misshaped = expected
            .Where(p => actual.TryGetValue(p.Key, out var t) && !t.shape.SequenceEqual(p.Value.shape))
            .Select(p => $"{p.Key} (expected [{string.Join(", ", p.Value.shape)}], file has [{string.Join(", ", actual[p.Key].shape)}])")
            .ToList();
        if (missing.Count + unexpected.Count + misshaped.Count == 0)
        {
            return;
        }

        var problems = new List<string>();
        if (missing.Count > 0)
        {
            problems.Add($"missing keys: {string.Join(", ", missing)}");
        }

        if (unexpected.Count > 0)
        {
            problems.Add($"unexpected keys: {string.Join(", ", unexpected)}");
        }

        if (misshaped.Count > 0)
        {
            problems.Add($"shape mismatches: {string.Join(", ", misshaped)}");
        }

        throw new InvalidDataException($"{source}: state dict does not match the model; {string.Join("; ", problems)}.");
    }
}
