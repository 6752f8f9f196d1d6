using System.Text.Json;
using SegPref.Cues;

namespace SegPref.Inference.Sessions;

/// <summary>
/// Word -> id as the cue encoder was trained: trimmed and lower-cased; "None", null and blanks are padding (-1),
/// words outside the vocabulary are unknown (-2). The vocabulary file is a JSON array of words in id order.
/// </summary>
internal sealed class CueLookup
{
    public const long NoneId = -1;
    public const long UnknownId = -2;

    private readonly Dictionary<string, long> _ids;

    private CueLookup(Dictionary<string, long> ids) => _ids = ids;

    public int Count => _ids.Count;

    public static CueLookup Read(string path)
    {
        string[]? words;
        try
        {
            words = JsonSerializer.Deserialize<string[]>(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: malformed vocabulary (expected a JSON array of words): {ex.Message}", ex);
        }

        if (words is not { Length: > 0 })
        {
            throw new InvalidDataException($"{path}: the vocabulary is empty.");
        }

        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            var w = Normalise(words[i]);
            if (IsNone(w) || !ids.TryAdd(w, i))
            {
                throw new InvalidDataException($"{path}: entry {i} ('{words[i]}') is blank, 'None' or a duplicate.");
            }
        }

        return new CueLookup(ids);
    }

    public long IdOf(string? word) => IsNone(word) ? NoneId : _ids.TryGetValue(Normalise(word!), out var id) ? id : UnknownId;

    private static bool IsNone(string? word) => string.IsNullOrWhiteSpace(word) || word.Trim().Equals(CueSlots.None, StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string? word) => word?.Trim().ToLowerInvariant() ?? string.Empty;
}
