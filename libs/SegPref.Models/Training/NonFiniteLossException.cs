namespace SegPref.Models.Training;

/// <summary>
/// A training loss was NaN or infinite. Every trainer throws it at the first such loss, before the step changes any
/// weight or optimiser state; the run folder keeps the last completed epoch. The message names the step and, from the
/// shared epoch loop, the epoch.
/// </summary>
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

    /// <summary>The 1-based optimisation step, counted over the whole run, whose loss was not finite (0 when not known).</summary>
    public long Step { get; init; }

    /// <summary>The 1-based epoch of that step (0 when thrown outside the epoch loop).</summary>
    public int Epoch { get; init; }
}
