using Grpc.Core;

namespace SegPref.Gateway.Security;

/// <summary>
/// Answers a request the gateway refuses itself in the caller's protocol: a gRPC call gets HTTP 200 with
/// grpc-status/grpc-message headers (a trailers-only response), so that the client sees UNAUTHENTICATED or
/// RESOURCE_EXHAUSTED rather than the HTTP status mapped to UNAVAILABLE/UNKNOWN; REST gets the HTTP status.
/// </summary>
internal static class GrpcStatusResponse
{
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    public static Task WriteAsync(HttpContext context, int httpStatus, StatusCode grpcStatus, string message)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        if (IsGrpc(context.Request))
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = ((int)grpcStatus).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            return Task.CompletedTask;
        }

        response.StatusCode = httpStatus;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(message + "\n");
    }
}
