namespace SegPref.Cues.OpenAi;

/// <summary>What an LLM reply yields after mapping to AVSS classes.</summary>
/// <param name="Cues">Kept cues: canonical, distinct, at most <see cref="CueSlots.Count"/>, in the LLM's order.</param>
/// <param name="Dropped">Proposed words that are not sound-capable AVSS classes (not even through a synonym).</param>
/// <param name="Overflow">Valid classes that came after the first <see cref="CueSlots.Count"/> and were cut.</param>
public sealed record CueReply(IReadOnlyList<string> Cues, IReadOnlyList<string> Dropped, IReadOnlyList<string> Overflow)
{
    /// <summary>The cues as <see cref="TextCues"/> (with <see cref="Dropped"/> kept for diagnostics).</summary>
    public TextCues ToTextCues() => new(Cues, Dropped);
}
