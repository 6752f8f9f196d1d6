namespace SegPref.Inference.Serving;

/// <summary>A request named a model or version this service does not serve; services answer NOT_FOUND.</summary>
public sealed class ModelNotFoundException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public ModelNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ModelNotFoundException()
    {
    }

    /// <summary>Creates the exception with an inner one.</summary>
    public ModelNotFoundException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
