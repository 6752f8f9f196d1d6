using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Gateway;
using SegPref.Mesh.Tests.Infrastructure;

namespace SegPref.Mesh.Tests.Reliability;

/// <summary>The gateway's API keys, JWT, per-client rate limits, TLS and loopback-only binding.</summary>
[Collection(MeshGroup.Name)]
public sealed class GatewaySecurityTests(MeshFixture mesh) : IDisposable
{
    private const string AliceKey = "alice-key-0123456789";
    private const string BobKey = "bob-key-9876543210";
    private static readonly byte[] JwtKey = RandomNumberGenerator.GetBytes(32);
    private readonly string _dir = Directory.CreateTempSubdirectory("segpref-auth-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Segment_NoKeyWhenKeysConfigured_UnauthenticatedForGrpcAnd401ForRest()
    {
        var gateway = await StartGatewayAsync(Keys());
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Pipeline.PipelineClient(channel)
            .SegmentAsync(TestClip.Request(1, reliance: false), cancellationToken: TestContext.Current.CancellationToken));
        using var rest = await http.PostAsync(new Uri(gateway.Address, "/v1/segment"), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        using var health = await http.GetAsync(new Uri(gateway.Address, "/healthz"), TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("x-api-key", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, rest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("x-api-key", AliceKey, StatusCode.OK)]
    [InlineData("authorization", "Bearer " + BobKey, StatusCode.OK)]
    [InlineData("x-api-key", "not-a-key", StatusCode.Unauthenticated)]
    [InlineData("authorization", "Bearer not-a-key", StatusCode.Unauthenticated)]
    public async Task Segment_PresentedKey_AcceptedOnlyWhenConfigured(string header, string value, StatusCode expected)
    {
        var gateway = await StartGatewayAsync(Keys());
        using var channel = GrpcChannel.ForAddress(gateway.Address);

        var code = await CallAsync(channel, new Metadata { { header, value } });

        Assert.Equal(expected, code);
    }

    [Fact]
    public async Task Segment_KeyFileRotated_NewKeyWorksAndOldKeyIsRefusedWithoutRestart()
    {
        var file = Path.Combine(_dir, "keys.txt");
        await File.WriteAllTextAsync(file, $"# clients\nalice {AliceKey}\n", TestContext.Current.CancellationToken);
        var gateway = await StartGatewayAsync(new() { ["Auth:ApiKeyFile"] = file });
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        Assert.Equal(StatusCode.OK, await CallAsync(channel, new Metadata { { "x-api-key", AliceKey } }));

        await File.WriteAllTextAsync(file, $"alice sha256:{Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("alice-rotated-key")))}\n", TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(5));
        await Task.Delay(1100, TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.OK, await CallAsync(channel, new Metadata { { "x-api-key", "alice-rotated-key" } }));
        Assert.Equal(StatusCode.Unauthenticated, await CallAsync(channel, new Metadata { { "x-api-key", AliceKey } }));
    }

    [Theory]
    [InlineData(true, StatusCode.OK)]
    [InlineData(false, StatusCode.Unauthenticated)]
    public async Task Segment_JwtBearer_AcceptedOnlyWithTheConfiguredSigningKey(bool rightKey, StatusCode expected)
    {
        var gateway = await StartGatewayAsync(new()
        {
            ["Auth:Jwt:SigningKeys:0"] = Convert.ToBase64String(JwtKey),
            ["Auth:Jwt:Issuer"] = "https://issuer.test",
            ["Auth:Jwt:Audience"] = "segpref",
        });
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://issuer.test",
            Audience = "segpref",
            Claims = new Dictionary<string, object> { ["sub"] = "carol" },
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(rightKey ? JwtKey : RandomNumberGenerator.GetBytes(32)), SecurityAlgorithms.HmacSha256),
        });
        using var channel = GrpcChannel.ForAddress(gateway.Address);

        Assert.Equal(expected, await CallAsync(channel, new Metadata { { "authorization", "Bearer " + token } }));
    }

    [Fact]
    public async Task Segment_ClientOverItsRate_ResourceExhaustedWhileAnotherClientIsServed()
    {
        var settings = Keys();
        settings["RateLimits:TokensPerSecond"] = "0.01";
        settings["RateLimits:Burst"] = "2";
        var gateway = await StartGatewayAsync(settings);
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var alice = new Metadata { { "x-api-key", AliceKey } };

        var codes = new List<StatusCode>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add(await CallAsync(channel, alice));
        }

        var bob = await CallAsync(channel, new Metadata { { "x-api-key", BobKey } });
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway.Address, "/v1/segment")) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("x-api-key", AliceKey);
        using var rest = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal([StatusCode.OK, StatusCode.OK, StatusCode.ResourceExhausted], codes);
        Assert.Equal(StatusCode.OK, bob);
        Assert.Equal(HttpStatusCode.TooManyRequests, rest.StatusCode);
    }

    [Fact]
    public async Task Segment_CertificateConfigured_ServesGrpcOverTls()
    {
        var pfx = Path.Combine(_dir, "gateway.pfx");
        string thumbprint;
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            thumbprint = certificate.Thumbprint;
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pw"), TestContext.Current.CancellationToken);
        }

        var gateway = await StartGatewayAsync(new() { ["Gateway:CertificatePath"] = pfx, ["Gateway:CertificatePassword"] = "pw" });
        var https = new UriBuilder(gateway.Address) { Scheme = "https" }.Uri;
        using var handler = new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint } };
        using var channel = GrpcChannel.ForAddress(https, new GrpcChannelOptions { HttpHandler = handler });

        Assert.Equal("https", gateway.Address.Scheme);
        Assert.Equal(StatusCode.OK, await CallAsync(channel, new Metadata()));
    }

    [Theory]
    [InlineData(false, "127.0.0.1")]
    [InlineData(true, "0.0.0.0")]
    public async Task Gateway_ListenOnAllInterfaces_HonouredOnlyWhenClientsMustAuthenticate(bool keys, string bound)
    {
        var settings = keys ? Keys() : [];
        settings["Gateway:ListenOnAllInterfaces"] = "true";

        var gateway = await StartGatewayAsync(settings);

        Assert.Equal(bound, gateway.BoundHost);
    }

    private static Dictionary<string, string?> Keys() => new()
    {
        ["Auth:ApiKeys:0:Client"] = "alice",
        ["Auth:ApiKeys:0:Key"] = AliceKey,
        ["Auth:ApiKeys:1:Client"] = "bob",
        ["Auth:ApiKeys:1:KeySha256"] = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(BobKey))),
    };

    private static async Task<StatusCode> CallAsync(GrpcChannel channel, Metadata headers)
    {
        try
        {
            await new Pipeline.PipelineClient(channel).SegmentAsync(TestClip.Request(1, reliance: false), headers, DateTime.UtcNow.AddSeconds(30), TestContext.Current.CancellationToken);
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private async Task<ServiceHost> StartGatewayAsync(Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?> { ["Gateway:Port"] = "0", ["Telemetry:Exporter"] = "none" };
        foreach (var (cluster, host) in new[] { ("captioner", mesh.Captioner), ("textcues", mesh.TextCues), ("audio", mesh.Audio), ("segmenter", mesh.Segmentation), ("pipeline", mesh.Segmentation) })
        {
            settings[$"ReverseProxy:Clusters:{cluster}:Destinations:d1:Address"] = host.Address.ToString();
        }

        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return await mesh.StartAsync(b => b.AddGateway(), a => a.MapGateway(), settings);
    }
}
