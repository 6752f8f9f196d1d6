namespace SegPref.Cues.Tests.OpenAi;

/// <summary>How <see cref="FakeChatCompletionsServer"/> answers.</summary>
public enum FakeReplyMode
{
    /// <summary>Chain-of-thought prose (with a bracketed aside) ending in a JSON list on the last line.</summary>
    ProseThenJson,

    /// <summary>Prose, then a ```json fence holding {"sounding_objects": [...]}.</summary>
    FencedObject,

    /// <summary>Prose without any list.</summary>
    NoList,

    /// <summary>HTTP 500 with an OpenAI error body.</summary>
    ServerError,

    /// <summary>HTTP 429 with an OpenAI error body.</summary>
    RateLimited,

    /// <summary>The normal answer, but only after <see cref="FakeChatCompletionsServer.SlowDelay"/>.</summary>
    Slow,
}
