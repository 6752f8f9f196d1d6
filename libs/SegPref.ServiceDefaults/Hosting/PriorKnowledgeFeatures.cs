using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.Http.Features;

namespace SegPref.ServiceDefaults.Hosting;

/// <summary>
/// The connection features Kestrel consults when choosing HTTP/2 on an Http1AndHttp2 endpoint: an application
/// protocol of "h2" (as ALPN would report), which Kestrel only reads when a TLS connection feature is present. No
/// handshake feature is set, so Kestrel's TLS 1.2 requirement for HTTP/2 does not apply (there is no TLS).
/// </summary>
internal sealed class PriorKnowledgeFeatures : ITlsApplicationProtocolFeature, ITlsConnectionFeature
{
    private static readonly PriorKnowledgeFeatures Instance = new();

    public ReadOnlyMemory<byte> ApplicationProtocol => "h2"u8.ToArray();

    public X509Certificate2? ClientCertificate
    {
        get => null;
        set => throw new NotSupportedException("Cleartext HTTP/2 has no client certificate.");
    }

    public static void MarkHttp2(IFeatureCollection features)
    {
        features.Set<ITlsApplicationProtocolFeature>(Instance);
        features.Set<ITlsConnectionFeature>(Instance);
    }

    public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult<X509Certificate2?>(null);
}
