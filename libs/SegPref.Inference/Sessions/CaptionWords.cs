using System.Text;
using System.Text.Json;

namespace SegPref.Inference.Sessions;

/// <summary>
/// The captioner's vocabulary (JSON array, index = id, specials first) and the id -> sentence rule of training:
/// stop at &lt;eos&gt;, drop special ids, join words with spaces except before "," and ".".
/// </summary>
internal sealed class CaptionWords(IReadOnlyList<string> words, int eos, int firstWord)
{
    public int Count => words.Count;

    public static CaptionWords Read(string path, int eos, int firstWord)
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

        return words is { Length: > 0 } && words.Length > firstWord
            ? new CaptionWords(words, eos, firstWord)
            : throw new InvalidDataException($"{path}: the vocabulary needs the {firstWord} special tokens and at least one word.");
    }

    public string Decode(IEnumerable<int> ids)
    {
        var text = new StringBuilder();
        foreach (var id in ids.TakeWhile(id => id != eos).Where(id => id >= firstWord && id < words.Count))
        {
            var token = words[id];
            if (text.Length > 0 && token is not ("," or "."))
            {
                text.Append(' ');
            }

            text.Append(token);
        }

        return text.ToString();
    }
}
