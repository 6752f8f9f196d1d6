using System.Text.Json;
using SegPref.Cues;

namespace SegPref.Inference.Sessions;

/// <summary>Reads a cue encoder's vocabulary file (a JSON array of words in id order) into the ids training used.</summary>
internal static class CueVocabularyFile
{
    public static CueWordIndex Read(string path)
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

        try
        {
            return new CueWordIndex(words ?? []);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }
}
