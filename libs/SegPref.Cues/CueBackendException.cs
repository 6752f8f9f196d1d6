namespace SegPref.Cues;

/// <summary>A cue backend failed: unreachable, timed out, answered an error, or answered something without a cue list.</summary>
public sealed class CueBackendException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CueBackendException(CueBackendFailure failure, string message, Exception? innerException = null)
        : base(message, innerException) => Failure = failure;

    /// <summary>Creates a <see cref="CueBackendFailure.MalformedReply"/> exception.</summary>
    public CueBackendException()
        : this(CueBackendFailure.MalformedReply, "The cue backend failed.")
    {
    }

    /// <summary>Creates a <see cref="CueBackendFailure.MalformedReply"/> exception.</summary>
    public CueBackendException(string message)
        : this(CueBackendFailure.MalformedReply, message)
    {
    }

    /// <summary>Creates a <see cref="CueBackendFailure.MalformedReply"/> exception.</summary>
    public CueBackendException(string message, Exception innerException)
        : this(CueBackendFailure.MalformedReply, message, innerException)
    {
    }

    /// <summary>What went wrong.</summary>
    public CueBackendFailure Failure { get; }

    /// <summary>The HTTP status code for <see cref="CueBackendFailure.HttpError"/>, otherwise null.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The server's own error message (OpenAI error JSON "error.message"), when it sent one.</summary>
    public string? ServerMessage { get; init; }

    /// <summary>The server's error type (OpenAI error JSON "error.type"), when it sent one.</summary>
    public string? ServerErrorType { get; init; }
}
