namespace SegPref.Cues.Lexicon;

/// <summary>A lowercase word, or a clause boundary (punctuation) that phrases and negations do not cross.</summary>
internal readonly record struct Token(string Text, bool IsBoundary);
