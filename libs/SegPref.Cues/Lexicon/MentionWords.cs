namespace SegPref.Cues.Lexicon;

/// <summary>The small, documented word sets behind <see cref="MentionRules"/> (docs/text-cues-prompt.md, "Lexicon rules").</summary>
internal static class MentionWords
{
    /// <summary>Start a negation that covers the mentions after it in the same clause ("no piano in sight").</summary>
    public static readonly HashSet<string> NegationTriggers = Set(
        "no", "not", "without", "nor", "neither", "never", "none", "isn", "aren", "wasn", "weren", "doesn", "don", "didn");

    /// <summary>End a negation's scope before it reaches a mention ("no piano and a guitar", "not holding a guitar").</summary>
    public static readonly HashSet<string> ScopeEnds = Set(
        "and", "but", "while", "although", "though", "yet", "whereas", "except", "also", "plus", "with", "near",
        "beside", "behind", "next", "holding", "playing", "than", "which", "that", "who", "where");

    /// <summary>Right before a class (up to two words): the object cannot make its sound ("a broken piano", "a toy car").</summary>
    public static readonly HashSet<string> InertModifiers = Set(
        "toy", "toys", "broken", "stuffed", "fake", "model", "cardboard", "plush");

    /// <summary>Depictions: "a poster of a dog" (before "of") and "a dog statue" (right after the class).</summary>
    public static readonly HashSet<string> Depictions = Set(
        "picture", "pictures", "photo", "photos", "photograph", "photographs", "painting", "paintings", "poster", "posters",
        "drawing", "drawings", "image", "images", "statue", "statues", "sculpture", "sculptures", "figurine", "figurines",
        "sketch", "portrait", "cartoon", "illustration", "sticker", "stickers", "logo", "icon", "toy", "toys", "ornament");

    /// <summary>Articles that may precede a caption's framing phrase ("an image of ...").</summary>
    public static readonly HashSet<string> Articles = Set("a", "an", "the", "this");

    /// <summary>Depiction words that, opening a description, frame the caption itself (BLIP-style "a picture of a man ...").</summary>
    public static readonly HashSet<string> CaptionFrames = Set("image", "photo", "photograph", "picture", "pic", "snapshot");

    /// <summary>Class names that are also common verbs ("a man saw a dog", "to train").</summary>
    public static readonly HashSet<string> VerbHomographs = Set("saw", "train", "duck");

    /// <summary>Words that, right before a homograph, make it a verb.</summary>
    public static readonly HashSet<string> VerbSubjects = Set(
        "to", "i", "we", "you", "he", "she", "they", "it", "who", "someone", "somebody", "everyone", "nobody");

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);
}
