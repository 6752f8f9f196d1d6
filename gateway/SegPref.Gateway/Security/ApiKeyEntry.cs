namespace SegPref.Gateway.Security;

/// <summary>One client's API key (Auth:ApiKeys:N): the plain key, or its SHA-256 in hex so that configuration holds no secret.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>The client's name: the rate-limit partition, logs and traces.</summary>
    public string Client { get; set; } = string.Empty;

    /// <summary>The key as clients send it.</summary>
    public string? Key { get; set; }

    /// <summary>Lower- or upper-case hex SHA-256 of the key's UTF-8 bytes (instead of <see cref="Key"/>).</summary>
    public string? KeySha256 { get; set; }
}
