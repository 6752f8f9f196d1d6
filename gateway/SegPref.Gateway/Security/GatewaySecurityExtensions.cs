using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;

namespace SegPref.Gateway.Security;

/// <summary>
/// Authentication (API keys; optional JWT bearer) and authorization for every route except health and metrics, and
/// the per-client rate and concurrency limits.
/// </summary>
internal static class GatewaySecurityExtensions
{
    private const string SchemeName = "SegPref";

    public static WebApplicationBuilder AddGatewaySecurity(this WebApplicationBuilder builder, GatewayAuthOptions auth, RateLimitOptions limits)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ApiKeyStore>();
        var authentication = builder.Services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "API key or JWT", o => o.ForwardDefaultSelector = context =>
                auth.Jwt.Enabled && ApiKeyAuthenticationHandler.LooksLikeJwt(context.Request)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (auth.Jwt.Enabled)
        {
            authentication.AddJwtBearer(o =>
            {
                o.Authority = string.IsNullOrWhiteSpace(auth.Jwt.Authority) ? null : auth.Jwt.Authority;
                o.Audience = auth.Jwt.Audience;
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateAudience = !string.IsNullOrWhiteSpace(auth.Jwt.Audience),
                    ValidAudience = auth.Jwt.Audience,
                    ValidateIssuer = !string.IsNullOrWhiteSpace(auth.Jwt.Issuer),
                    ValidIssuer = auth.Jwt.Issuer,
                    NameClaimType = auth.Jwt.ClientClaim,
                    IssuerSigningKeys = auth.Jwt.SigningKeys.Select(k => new SymmetricSecurityKey(Convert.FromBase64String(k))).ToList(),
                };
            });
        }

        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAwareAuthorizationResultHandler>();
        builder.Services.AddAuthorization(o =>
        {
            if (auth.Required)
            {
                // Every endpoint without its own policy (the proxied routes, reflection, the 405 route) needs a client;
                // health endpoints are mapped AllowAnonymous.
                o.FallbackPolicy = new AuthorizationPolicyBuilder(SchemeName).RequireAuthenticatedUser().Build();
            }
        });
        builder.Services.AddGatewayRateLimits(limits);
        return builder;
    }

    public static WebApplication UseGatewaySecurity(this WebApplication app)
    {
        app.UseAuthentication();

        // After authentication (the partition is the client), before authorization (anonymous floods are limited too).
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
