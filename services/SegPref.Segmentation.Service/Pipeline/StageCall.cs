using Grpc.Core;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>Runs one downstream call and rewrites its failure so the caller learns which stage failed and how.</summary>
public static class StageCall
{
    public static async Task<T> RunAsync<T>(string stage, Func<Task<T>> call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call();
        }
        catch (RpcException ex) when (!ct.IsCancellationRequested)
        {
            var code = ex.StatusCode switch
            {
                StatusCode.InvalidArgument => StatusCode.InvalidArgument,
                StatusCode.DeadlineExceeded => StatusCode.DeadlineExceeded,
                StatusCode.ResourceExhausted => StatusCode.ResourceExhausted,
                StatusCode.Internal or StatusCode.Unknown or StatusCode.Unimplemented => StatusCode.Internal,

                // Down, refused, reset, or cancelled by the stage itself: the stage is not available.
                _ => StatusCode.Unavailable,
            };
            var what = code switch
            {
                StatusCode.DeadlineExceeded => "did not answer before the deadline",
                StatusCode.Unavailable => "is unavailable",
                StatusCode.InvalidArgument => "rejected the input",
                _ => "failed",
            };
            throw new RpcException(new Status(code, $"{stage} stage {what}: {ex.Status.Detail}"));
        }
    }

    /// <summary>The earlier of the caller's deadline and now + the stage timeout.</summary>
    public static DateTime Deadline(DateTime callerDeadline, double stageTimeoutSeconds)
    {
        var own = DateTime.UtcNow.AddSeconds(stageTimeoutSeconds);
        return callerDeadline.ToUniversalTime() < own ? callerDeadline.ToUniversalTime() : own;
    }
}
