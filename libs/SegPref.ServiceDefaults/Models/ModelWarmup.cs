namespace SegPref.ServiceDefaults.Models;

/// <summary>The warm-up call of one model (e.g. one synthetic frame), run once before the process reports SERVING.</summary>
/// <param name="Role">Model role ("captioner", "segmenter", ...).</param>
/// <param name="Run">Calls the model once; throws when the model is unusable.</param>
public sealed record ModelWarmup<T>(string Role, Action<T> Run)
    where T : class;
