using System.Buffers;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace SegPref.ServiceDefaults.Hosting;

/// <summary>
/// Lets one cleartext Http1AndHttp2 port serve both HTTP/1.1 (REST/JSON, health, Prometheus scrapes of /metrics) and
/// HTTP/2 with prior knowledge (gRPC clients with an http:// address), on the gateway and on every service. Kestrel alone picks HTTP/1.1 on such a port because, without TLS, there is
/// no ALPN to choose by; this connection middleware peeks at the first bytes and, when they are the HTTP/2 connection
/// preface, tells Kestrel "h2" the way ALPN would. Nothing is consumed: Kestrel reads the same bytes afterwards.
/// </summary>
public static class H2cPriorKnowledge
{
    private static ReadOnlySpan<byte> Preface => "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8;

    /// <summary>Adds the preface sniffing to <paramref name="listen"/> (an Http1AndHttp2 cleartext endpoint).</summary>
    public static ListenOptions UseH2cPriorKnowledge(this ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Use(next => async context =>
        {
            if (await StartsWithPrefaceAsync(context))
            {
                PriorKnowledgeFeatures.MarkHttp2(context.Features);
            }

            await next(context);
        });
        return listen;
    }

    private static async Task<bool> StartsWithPrefaceAsync(ConnectionContext context)
    {
        var input = context.Transport.Input;
        while (true)
        {
            var result = await input.ReadAsync(context.ConnectionClosed);
            var buffer = result.Buffer;
            var (matches, length) = Compare(buffer);
            if (!matches || length == Preface.Length || result.IsCompleted || result.IsCanceled)
            {
                // Examined nothing, so Kestrel's first read returns these bytes at once.
                input.AdvanceTo(buffer.Start);
                return matches && length == Preface.Length;
            }

            // A prefix of the preface so far: wait for more bytes.
            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static (bool Matches, int Length) Compare(ReadOnlySequence<byte> buffer)
    {
        var length = (int)Math.Min(buffer.Length, Preface.Length);
        Span<byte> head = stackalloc byte[Preface.Length];
        buffer.Slice(0, length).CopyTo(head);
        return (head[..length].SequenceEqual(Preface[..length]), length);
    }
}
