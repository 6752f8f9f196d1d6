using System.ComponentModel.DataAnnotations;

namespace SegPref.Gateway;

/// <summary>The gateway's public listener (section "Gateway"); routes and clusters are in section "ReverseProxy".</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The one public port (HTTP/1.1 for REST/JSON and HTTP/2 for gRPC on the same port); 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = Contracts.Mesh.MeshPorts.Gateway;

    /// <summary>
    /// Listen on every interface (containers) instead of loopback only. Honoured only when clients must authenticate
    /// (Auth:ApiKeys, Auth:ApiKeyFile or Auth:Jwt) or Auth:AllowAnonymous is set: an open gateway stays on loopback.
    /// </summary>
    public bool ListenOnAllInterfaces { get; set; }

    /// <summary>Largest request body (REST/JSON carries base64 frames, a third larger than the gRPC message).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxRequestBytes { get; set; } = 96L * 1024 * 1024;

    /// <summary>Seconds between grpc.health.v1 probes of every backend destination.</summary>
    [Range(0.1, 600)]
    public double HealthProbeSeconds { get; set; } = 1;

    /// <summary>
    /// Seconds between DNS resolutions of the destinations' host names (0 = off: each destination is one address).
    /// With a headless Service as the destination, every ready pod becomes a destination of its own, so calls are
    /// balanced over the replicas (a ClusterIP Service would pin each HTTP/2 connection to one pod).
    /// </summary>
    [Range(0, 3600)]
    public double DnsRefreshSeconds { get; set; }

    /// <summary>TLS certificate for the public port (PFX, or PEM with <see cref="CertificateKeyPath"/>); none = cleartext.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of <see cref="CertificatePath"/>.</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>Password of a PFX certificate.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Serve the web page (index.html, its script and the example clips in the gateway's web/ folder) at `/`. The
    /// page's files are public; the API calls it makes carry the key a person types in.
    /// </summary>
    public bool ServePage { get; set; } = true;

    /// <summary>The folder the page is served from (default: web/ beside the gateway's assembly).</summary>
    public string? PageRoot { get; set; }
}
