namespace SegPref.Models.Segmentation;

/// <summary>A training loss was NaN or infinite; the message names the step and the parts.</summary>
public sealed class NonFiniteLossException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public NonFiniteLossException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public NonFiniteLossException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public NonFiniteLossException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The 1-based step at which the loss stopped being finite (0 when not known).</summary>
    public long Step { get; init; }
}
