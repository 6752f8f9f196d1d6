namespace SegPref.Cues;

/// <summary>Turns a scene description into the potential sounding objects (the paper's LLM step).</summary>
public interface ITextCueExtractor
{
    /// <summary>Short backend name ("lexicon", "openai"), reported next to the cues.</summary>
    string BackendName { get; }

    /// <summary>Extracts at most <see cref="CueSlots.Count"/> cues from one description.</summary>
    /// <param name="description">The frame's scene description (any case, any punctuation).</param>
    /// <param name="ct">Cancels the extraction.</param>
    /// <exception cref="CueBackendException">The backend failed or answered something unusable.</exception>
    Task<TextCues> ExtractAsync(string description, CancellationToken ct);
}
