using Grpc.Core;
using Grpc.Net.Client;

namespace SegPref.Mesh.Tests.Infrastructure;

/// <summary>Calls a unary method with arbitrary request bytes (what a broken or hostile client can send).</summary>
internal static class RawGrpc
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, c => c);

    public static async Task<(StatusCode Code, string Detail)> CallAsync(GrpcChannel channel, string fullMethod, byte[] payload, TimeSpan timeout, Metadata? headers = null)
    {
        var slash = fullMethod.LastIndexOf('/');
        var method = new Method<byte[], byte[]>(MethodType.Unary, fullMethod[1..slash], fullMethod[(slash + 1)..], Bytes, Bytes);
        try
        {
            await channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(headers, DateTime.UtcNow.Add(timeout)), payload);
            return (StatusCode.OK, string.Empty);
        }
        catch (RpcException ex)
        {
            return (ex.StatusCode, ex.Status.Detail);
        }
    }
}
