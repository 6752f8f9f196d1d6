namespace SegPref.Cues;

/// <summary>Why a cue backend failed; callers map it to a transport status (e.g. gRPC Unavailable vs Internal).</summary>
public enum CueBackendFailure
{
    /// <summary>The server could not be reached (connection refused, DNS, TLS).</summary>
    Unreachable,

    /// <summary>No reply within the configured timeout.</summary>
    Timeout,

    /// <summary>The server answered with a non-2xx status.</summary>
    HttpError,

    /// <summary>The server answered 2xx but the reply holds no usable cue list.</summary>
    MalformedReply,
}
