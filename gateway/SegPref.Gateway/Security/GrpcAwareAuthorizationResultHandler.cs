using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace SegPref.Gateway.Security;

/// <summary>Refuses unauthenticated calls with UNAUTHENTICATED (gRPC) or 401 (REST), naming what to send.</summary>
internal sealed class GrpcAwareAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return GrpcStatusResponse.WriteAsync(context, StatusCodes.Status401Unauthorized, StatusCode.Unauthenticated,
                "a valid API key is required: send x-api-key: KEY or authorization: Bearer KEY (or a valid JWT)");
        }

        if (authorizeResult.Forbidden)
        {
            return GrpcStatusResponse.WriteAsync(context, StatusCodes.Status403Forbidden, StatusCode.PermissionDenied, "this client may not call this route");
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
