namespace SegPref.Inference.Batching;

/// <summary>A model's request queue is full (dynamic_batching.max_queue_size); services answer RESOURCE_EXHAUSTED.</summary>
public sealed class ModelQueueFullException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public ModelQueueFullException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ModelQueueFullException()
    {
    }

    /// <summary>Creates the exception with an inner one.</summary>
    public ModelQueueFullException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
