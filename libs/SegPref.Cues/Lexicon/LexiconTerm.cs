namespace SegPref.Cues.Lexicon;

/// <summary>What a surface form means: one class, or (for a group word like "people") several, used only to negate.</summary>
internal sealed record LexiconTerm(IReadOnlyList<string> Classes, bool IsGroup);
