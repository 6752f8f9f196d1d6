using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace SegPref.Inference.Sessions;

/// <summary>
/// A GPT-2 byte-level BPE vocabulary (vocab.json + merges.txt, Microsoft.ML.Tokenizers' CodeGenTokenizer) used to turn
/// generated ids back into text. Special ids (start, end, padding) are dropped before decoding.
/// </summary>
internal sealed class Gpt2Detokenizer
{
    private readonly CodeGenTokenizer _tokenizer;
    private readonly HashSet<int> _special;

    private Gpt2Detokenizer(CodeGenTokenizer tokenizer, HashSet<int> special) => (_tokenizer, _special) = (tokenizer, special);

    /// <summary>Number of entries in vocab.json.</summary>
    public int Count => _tokenizer.Vocabulary.Count;

    /// <summary>Reads the two files and checks that every id in <paramref name="specialIds"/> is in the vocabulary.</summary>
    /// <exception cref="InvalidDataException">A missing or malformed file, or a special id the vocabulary lacks.</exception>
    public static Gpt2Detokenizer Read(string vocabPath, string mergesPath, IReadOnlyDictionary<string, int> specialIds)
    {
        foreach (var path in new[] { vocabPath, mergesPath })
        {
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"{path}: not found (a GPT-2 tokenizer needs vocab.json and merges.txt).");
            }
        }

        CodeGenTokenizer tokenizer;
        try
        {
            using var vocab = File.OpenRead(vocabPath);
            using var merges = File.OpenRead(mergesPath);
            tokenizer = CodeGenTokenizer.Create(vocab, merges, addPrefixSpace: false, addBeginOfSentence: false, addEndOfSentence: false);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or JsonException or IOException)
        {
            throw new InvalidDataException($"{vocabPath} / {mergesPath}: not a GPT-2 byte-level BPE vocabulary: {ex.Message}", ex);
        }

        var known = tokenizer.Vocabulary.Values.Concat(tokenizer.SpecialTokens?.Values ?? []).ToHashSet();
        foreach (var (field, id) in specialIds)
        {
            if (!known.Contains(id))
            {
                throw new InvalidDataException($"{vocabPath}: preprocessing.{field} = {id} is not an id of the vocabulary ({tokenizer.Vocabulary.Count} entries).");
            }
        }

        return new Gpt2Detokenizer(tokenizer, [.. specialIds.Values]);
    }

    /// <summary>The text of <paramref name="ids"/> without special tokens, trimmed.</summary>
    public string Decode(IEnumerable<int> ids) =>
        _tokenizer.Decode(ids.Where(id => !_special.Contains(id)), hasPrefixSpace: false, considerSpecialTokens: false).Trim();
}
