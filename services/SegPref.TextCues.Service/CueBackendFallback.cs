using SegPref.Cues;

namespace SegPref.TextCues.Service;

/// <summary>The backend that answers when the configured one fails (TextCues:Fallback); none by default.</summary>
/// <param name="Extractor">The fallback backend, or null: a failing backend is UNAVAILABLE.</param>
public sealed record CueBackendFallback(ITextCueExtractor? Extractor);
