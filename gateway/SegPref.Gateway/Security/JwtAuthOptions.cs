namespace SegPref.Gateway.Security;

/// <summary>Optional JWT bearer validation (section "Auth:Jwt"); on when an authority or a signing key is set.</summary>
public sealed class JwtAuthOptions
{
    /// <summary>OpenID Connect authority: keys and issuer come from its discovery document.</summary>
    public string? Authority { get; set; }

    /// <summary>Required audience ("aud").</summary>
    public string? Audience { get; set; }

    /// <summary>Required issuer ("iss") when no authority supplies it.</summary>
    public string? Issuer { get; set; }

    /// <summary>Symmetric signing keys, base64 (HS256); several during a rotation.</summary>
    public IList<string> SigningKeys { get; init; } = [];

    /// <summary>The claim that names the client (rate-limit partition).</summary>
    public string ClientClaim { get; set; } = "sub";

    /// <summary>Whether JWT validation is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || SigningKeys.Count > 0;
}
