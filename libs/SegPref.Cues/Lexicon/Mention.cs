namespace SegPref.Cues.Lexicon;

/// <summary>A term found in the token list: tokens [Start, Start + Length).</summary>
internal readonly record struct Mention(int Start, int Length, LexiconTerm Term)
{
    public int End => Start + Length;
}
