namespace SegPref.Serving.Inputs;

/// <summary>A request that a service cannot take on because of a resource budget; mapped to RESOURCE_EXHAUSTED.</summary>
public sealed class ResourceLimitException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ResourceLimitException()
    {
    }

    /// <summary>Creates the exception with a message that names the field and the limit.</summary>
    public ResourceLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ResourceLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
