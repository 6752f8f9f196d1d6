namespace SegPref.Avs.Synth;

/// <summary>
/// The shared AVS-Synth vocabulary: which AVSS classes appear, which are habitual, the silent distractor kinds,
/// and the fixed synonym and plural tables that descriptions use (the text-cue lexicon follows the same tables).
/// </summary>
public static class SynthVocabulary
{
    /// <summary>Default prior P(sounding | visible) of habitual classes.</summary>
    public const double HabitualPrior = 0.9;

    /// <summary>Default prior P(sounding | visible) of the other sound-capable classes.</summary>
    public const double OtherPrior = 0.3;

    /// <summary>Sound-capable classes (AVSS names) that AVS-Synth draws.</summary>
    public static IReadOnlyList<string> SoundClasses { get; } =
        ["guitar", "piano", "violin", "drum", "trumpet", "dog", "cat", "bird", "car", "helicopter", "baby", "clock", "man", "woman"];

    /// <summary>Classes that sound most of the time when visible (default prior 0.9).</summary>
    public static IReadOnlyList<string> HabitualClasses { get; } = ["guitar", "piano", "dog"];

    /// <summary>Silent distractor kinds: never sounding, background in masks, not AVSS classes.</summary>
    public static IReadOnlyList<string> DistractorKinds { get; } = ["chair", "table", "tree", "box", "lamp"];

    /// <summary>Synonyms a description may use instead of the class name; each maps to exactly one class.</summary>
    public static IReadOnlyDictionary<string, string> Synonyms { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["lady"] = "woman",
        ["guy"] = "man",
        ["gentleman"] = "man",
        ["puppy"] = "dog",
        ["kitten"] = "cat",
        ["automobile"] = "car",
        ["infant"] = "baby",
        ["fiddle"] = "violin",
        ["chopper"] = "helicopter",
        ["drum kit"] = "drum",
        ["sparrow"] = "bird",
    };

    /// <summary>Plural forms of class names and synonyms (the distractor kinds too).</summary>
    public static IReadOnlyDictionary<string, string> Plurals { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["guitar"] = "guitars", ["piano"] = "pianos", ["violin"] = "violins", ["drum"] = "drums",
        ["trumpet"] = "trumpets", ["dog"] = "dogs", ["cat"] = "cats", ["bird"] = "birds", ["car"] = "cars",
        ["helicopter"] = "helicopters", ["baby"] = "babies", ["clock"] = "clocks", ["man"] = "men",
        ["woman"] = "women", ["lady"] = "ladies", ["puppy"] = "puppies", ["kitten"] = "kittens",
        ["automobile"] = "automobiles", ["infant"] = "infants", ["fiddle"] = "fiddles", ["chopper"] = "choppers",
        ["drum kit"] = "drum kits", ["sparrow"] = "sparrows", ["guy"] = "guys", ["gentleman"] = "gentlemen",
        ["chair"] = "chairs", ["table"] = "tables", ["tree"] = "trees", ["box"] = "boxes", ["lamp"] = "lamps",
    };

    /// <summary>Whether <paramref name="kind"/> is a silent distractor kind.</summary>
    public static bool IsDistractor(string kind) => DistractorKinds.Contains(kind, StringComparer.Ordinal);

    /// <summary>The default prior of a sound-capable class.</summary>
    public static double DefaultPrior(string soundClass) =>
        HabitualClasses.Contains(soundClass, StringComparer.Ordinal) ? HabitualPrior : OtherPrior;
}
