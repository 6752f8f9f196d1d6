using System.Text.Json;

namespace SegPref.Models.Captioning;

/// <summary>
/// The captioner's word vocabulary: ids 0-3 are &lt;pad&gt;, &lt;bos&gt;, &lt;eos&gt;, &lt;unk&gt;, then the
/// training words in order of first appearance (so a vocabulary built twice from the same data is identical).
/// </summary>
public sealed class CaptionVocabulary
{
    /// <summary>Padding id (ignored by the loss).</summary>
    public const int Pad = 0;

    /// <summary>Start-of-sentence id.</summary>
    public const int Bos = 1;

    /// <summary>End-of-sentence id.</summary>
    public const int Eos = 2;

    /// <summary>Unknown-word id.</summary>
    public const int Unk = 3;

    private static readonly string[] Specials = ["<pad>", "<bos>", "<eos>", "<unk>"];

    private readonly Dictionary<string, int> _ids;

    private CaptionVocabulary(IReadOnlyList<string> words)
    {
        Words = words;
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            if (!_ids.TryAdd(words[i], i))
            {
                throw new InvalidDataException($"Vocabulary word '{words[i]}' appears twice.");
            }
        }
    }

    /// <summary>All tokens by id, specials first.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Number of ids.</summary>
    public int Count => Words.Count;

    /// <summary>Builds the vocabulary of the given descriptions.</summary>
    public static CaptionVocabulary Build(IEnumerable<string> descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        var words = new List<string>(Specials);
        var seen = new HashSet<string>(Specials, StringComparer.Ordinal);
        foreach (var token in descriptions.SelectMany(CaptionTokenizer.Tokenize))
        {
            if (seen.Add(token))
            {
                words.Add(token);
            }
        }

        return new CaptionVocabulary(words);
    }

    /// <summary>Token ids of a description, without &lt;bos&gt;/&lt;eos&gt;.</summary>
    public int[] Encode(string description) =>
        [.. CaptionTokenizer.Tokenize(description).Select(t => _ids.GetValueOrDefault(t, Unk))];

    /// <summary>The sentence of generated ids: stops at &lt;eos&gt;, skips other specials.</summary>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var words = ids.TakeWhile(id => id != Eos).Where(id => id > Unk && id < Count).Select(id => Words[id]);
        return CaptionTokenizer.Detokenize(words);
    }

    /// <summary>Writes the word list as a JSON array.</summary>
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(Words));

    /// <summary>Reads a vocabulary written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is missing, malformed or does not start with the special tokens.</exception>
    public static CaptionVocabulary Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: vocabulary file not found.");
        }

        string[]? words;
        try
        {
            words = JsonSerializer.Deserialize<string[]>(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: malformed vocabulary: {ex.Message}", ex);
        }

        if (words is null || words.Length < Specials.Length || !words.Take(Specials.Length).SequenceEqual(Specials))
        {
            throw new InvalidDataException($"{path}: a vocabulary must be a JSON array starting with {string.Join(", ", Specials)}.");
        }

        try
        {
            return new CaptionVocabulary(words);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }
}
