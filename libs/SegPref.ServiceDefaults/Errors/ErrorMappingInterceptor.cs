using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SegPref.ServiceDefaults.Errors;

/// <summary>
/// Maps exceptions escaping a handler to gRPC statuses: bad input (ArgumentException, InvalidDataException) becomes
/// INVALID_ARGUMENT with its message, a caller that gave up becomes CANCELLED, anything else INTERNAL (logged, message
/// hidden). Types registered in <see cref="ExceptionStatusOptions"/> get their own status with their message. One
/// request's failure never takes the service down.
/// </summary>
internal sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger, IOptions<ExceptionStatusOptions> statuses) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException)
        {
            throw;
        }
        catch (Exception ex) when (statuses.Value.Codes.TryGetValue(ex.GetType(), out var code))
        {
            LogMapped(logger, context.Method, code, ex.Message);
            throw new RpcException(new Status(code, ex.Message));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidDataException)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, ex.Message));
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            var code = context.Deadline <= DateTime.UtcNow ? StatusCode.DeadlineExceeded : StatusCode.Cancelled;
            throw new RpcException(new Status(code, $"{context.Method} was cancelled by its caller or deadline."));
        }
        catch (Exception ex)
        {
            LogUnexpected(logger, ex, context.Method);
            throw new RpcException(new Status(StatusCode.Internal, $"{context.Method} failed: {ex.GetType().Name}. See the service log."));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure in {Method}")]
    private static partial void LogUnexpected(ILogger logger, Exception ex, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} answered {Code}: {Detail}")]
    private static partial void LogMapped(ILogger logger, string method, StatusCode code, string detail);
}
