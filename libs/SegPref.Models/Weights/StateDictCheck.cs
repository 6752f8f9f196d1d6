using static TorchSharp.torch;

namespace SegPref.Models.Weights;

/// <summary>Strict state-dict comparison naming every missing, unexpected and mis-shaped key (shared by every loader of published weights).</summary>
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
        var problems = new List<string>();
        Add(problems, "missing keys", missing);
        Add(problems, "unexpected keys", unexpected);
        Add(problems, "shape mismatches", misshaped);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{source}: state dict does not match the model; {string.Join("; ", problems)}.");
        }
    }

    private static void Add(List<string> problems, string label, List<string> items)
    {
        if (items.Count > 0)
        {
            problems.Add($"{label}: {string.Join(", ", items)}");
        }
    }
}
