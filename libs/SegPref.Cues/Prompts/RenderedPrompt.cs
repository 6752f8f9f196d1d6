namespace SegPref.Cues.Prompts;

/// <summary>The two chat messages sent to the LLM for one description.</summary>
/// <param name="System">The system message.</param>
/// <param name="User">The user message, with the description filled in.</param>
public sealed record RenderedPrompt(string System, string User);
