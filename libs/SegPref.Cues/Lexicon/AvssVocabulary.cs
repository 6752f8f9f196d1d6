namespace SegPref.Cues.Lexicon;

/// <summary>The 71 AVSS class names and which of them can be cues (all but "background").</summary>
/// <remarks>Kept here, not taken from SegPref.Avs, so this library stays dependency-free; a test checks the list.</remarks>
public static class AvssVocabulary
{
    /// <summary>The class that is never a cue.</summary>
    public const string Background = "background";

    private const string ResourceName = "SegPref.Cues.avss-classes.txt";

    private static readonly Lazy<string[]> LazyNames = new(Load);
    private static readonly Lazy<HashSet<string>> LazySoundCapable =
        new(() => new HashSet<string>(LazyNames.Value.Where(n => n != Background), StringComparer.Ordinal));

    /// <summary>All 71 class names in index order (0 = background).</summary>
    public static IReadOnlyList<string> ClassNames => LazyNames.Value;

    /// <summary>The 70 classes that may be cues, in index order.</summary>
    public static IReadOnlyList<string> SoundCapableClasses => [.. LazyNames.Value.Skip(1)];

    /// <summary>Whether a canonical (exact, lowercase) name is a sound-capable AVSS class.</summary>
    public static bool IsSoundCapable(string name) => name is not null && LazySoundCapable.Value.Contains(name);

    private static string[] Load()
    {
        var names = EmbeddedText.DataLines(EmbeddedText.Read(ResourceName)).Select(p => p.Line.Trim()).ToArray();
        if (names.Length != 71 || names[0] != Background || names.Distinct(StringComparer.Ordinal).Count() != 71)
        {
            throw new InvalidDataException($"{ResourceName} must list 71 distinct AVSS classes starting with '{Background}', found {names.Length}.");
        }

        return names;
    }
}
