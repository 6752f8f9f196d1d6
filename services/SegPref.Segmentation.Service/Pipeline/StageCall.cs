using Grpc.Core;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>Runs one downstream call and rewrites its failure so the caller learns which stage failed and how.</summary>
public static class StageCall
{
    public static Task<T> RunAsync<T>(string stage, Func<Task<T>> call, CancellationToken ct) => RunAsync(stage, null, call, ct);

    /// <summary>Runs <paramref name="call"/> through the stage's circuit: an open circuit answers UNAVAILABLE at once.</summary>
    public static async Task<T> RunAsync<T>(string stage, StageCircuitBreaker? breaker, Func<Task<T>> call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (breaker is not null && !breaker.TryEnter(out var refusal))
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"{stage} stage is unavailable: {refusal}"));
        }

        try
        {
            var result = await call();
            breaker?.OnSuccess();
            return result;
        }
        catch (RpcException ex) when (!ct.IsCancellationRequested)
        {
            var code = Map(ex.StatusCode);
            if (code == StatusCode.Unavailable)
            {
                breaker?.OnUnavailable(ex.Status.Detail);
            }
            else
            {
                breaker?.OnOtherOutcome();
            }

            var what = code switch
            {
                StatusCode.DeadlineExceeded => "did not answer before the deadline",
                StatusCode.Unavailable => "is unavailable",
                StatusCode.InvalidArgument => "rejected the input",
                StatusCode.ResourceExhausted => "is out of resources",
                _ => "failed",
            };
            throw new RpcException(new Status(code, $"{stage} stage {what}: {ex.Status.Detail}"));
        }
        catch
        {
            breaker?.OnOtherOutcome();
            throw;
        }
    }

    /// <summary>The earlier of the caller's deadline and now + the stage timeout.</summary>
    public static DateTime Deadline(DateTime callerDeadline, double stageTimeoutSeconds)
    {
        var own = DateTime.UtcNow.AddSeconds(stageTimeoutSeconds);
        return callerDeadline.ToUniversalTime() < own ? callerDeadline.ToUniversalTime() : own;
    }

    private static StatusCode Map(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => StatusCode.InvalidArgument,
        StatusCode.DeadlineExceeded => StatusCode.DeadlineExceeded,
        StatusCode.ResourceExhausted => StatusCode.ResourceExhausted,
        StatusCode.OutOfRange => StatusCode.OutOfRange,
        StatusCode.Internal or StatusCode.Unknown or StatusCode.Unimplemented => StatusCode.Internal,

        // Down, refused, reset, or cancelled by the stage itself: the stage is not available.
        _ => StatusCode.Unavailable,
    };
}
