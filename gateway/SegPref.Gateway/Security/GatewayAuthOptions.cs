namespace SegPref.Gateway.Security;

/// <summary>Who may call the gateway (section "Auth"). Health (/healthz, /readyz, grpc.health.v1) is always open.</summary>
public sealed class GatewayAuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>One key per client, sent as <c>x-api-key: KEY</c> or <c>authorization: Bearer KEY</c>.</summary>
    public IList<ApiKeyEntry> ApiKeys { get; init; } = [];

    /// <summary>
    /// A file of keys, one <c>client key</c> (or <c>client sha256:HEX</c>) per line, <c>#</c> comments; re-read when
    /// it changes, so keys rotate without a restart (`segpref mesh up --api-key-file FILE`).
    /// </summary>
    public string? ApiKeyFile { get; set; }

    /// <summary>Optional JWT bearer validation.</summary>
    public JwtAuthOptions Jwt { get; init; } = new();

    /// <summary>Serve without authentication even on every interface (behind a trusted proxy that authenticates).</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Whether clients must authenticate.</summary>
    public bool Required => ApiKeys.Count > 0 || !string.IsNullOrWhiteSpace(ApiKeyFile) || Jwt.Enabled;
}
