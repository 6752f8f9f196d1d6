using System.Text.Json.Nodes;

namespace SegPref.Models.Training;

/// <summary>The settings two JSON documents disagree on, by dotted path ("training.epochs (2 in the run, 3 now)").</summary>
internal static class SettingsDifference
{
    private const int MaxValueLength = 60;

    /// <summary>Each differing leaf (objects are compared member by member, arrays as whole values), except <paramref name="ignored"/> paths.</summary>
    public static IReadOnlyList<string> Between(JsonNode? recorded, JsonNode? current, IReadOnlyCollection<string> ignored)
    {
        ArgumentNullException.ThrowIfNull(ignored);
        var differences = new List<string>();
        Compare(recorded, current, "", ignored, differences);
        return differences;
    }

    private static void Compare(JsonNode? recorded, JsonNode? current, string path, IReadOnlyCollection<string> ignored, List<string> differences)
    {
        if (ignored.Contains(path))
        {
            return;
        }

        if (recorded is JsonObject a && current is JsonObject b)
        {
            foreach (var name in a.Select(p => p.Key).Union(b.Select(p => p.Key), StringComparer.Ordinal))
            {
                Compare(a[name], b[name], path.Length == 0 ? name : $"{path}.{name}", ignored, differences);
            }
        }
        else if (!JsonNode.DeepEquals(recorded, current))
        {
            differences.Add($"{(path.Length == 0 ? "settings" : path)} ({Show(recorded)} in the run, {Show(current)} now)");
        }
    }

    private static string Show(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "none";
        return text.Length <= MaxValueLength ? text : $"{text[..(MaxValueLength - 3)]}...";
    }
}
