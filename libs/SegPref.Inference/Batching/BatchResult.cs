namespace SegPref.Inference.Batching;

/// <summary>One request's answer from a batched model and what it cost.</summary>
/// <typeparam name="T">The model's per-request result.</typeparam>
/// <param name="Value">The result.</param>
/// <param name="QueueMs">Time from arrival until its batch started running.</param>
/// <param name="ComputeMs">Wall time of the run that answered it (shared with the batch's other requests).</param>
/// <param name="BatchRows">Rows in that run.</param>
/// <param name="BatchRequests">Requests in that run.</param>
public sealed record BatchResult<T>(T Value, double QueueMs, double ComputeMs, int BatchRows, int BatchRequests);
