namespace SegPref.Cues.OpenAi;

/// <summary>A list literal found in a reply.</summary>
/// <param name="Items">The item texts, unquoted.</param>
/// <param name="Quoted">True when every item was quoted (JSON-like), or the list is empty; bare-word lists such as
/// "[visible objects]" are often prose, so the parser only trusts them when an item is a known class.</param>
internal sealed record ParsedList(List<string> Items, bool Quoted);
