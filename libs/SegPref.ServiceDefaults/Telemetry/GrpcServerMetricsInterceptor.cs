using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace SegPref.ServiceDefaults.Telemetry;

/// <summary>
/// gRPC server metrics in OpenTelemetry's RPC conventions: rpc.server.call.duration (seconds) per rpc.method and
/// rpc.response.status_code (the status name, e.g. OK, RESOURCE_EXHAUSTED). Runs outside the error mapping, so it sees
/// the status the caller gets. ASP.NET Core's http.server.* metrics cannot: a gRPC error is HTTP 200 there.
/// </summary>
internal sealed class GrpcServerMetricsInterceptor : Interceptor
{
    public const string MeterName = "SegPref.Grpc";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "rpc.server.call.duration",
        unit: "s",
        description: "Duration of gRPC calls served",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        var start = Stopwatch.GetTimestamp();
        var code = StatusCode.Unknown;
        try
        {
            var response = await continuation(request, context);
            code = StatusCode.OK;
            return response;
        }
        catch (RpcException ex)
        {
            code = ex.StatusCode;
            throw;
        }
        finally
        {
            Duration.Record(
                Stopwatch.GetElapsedTime(start).TotalSeconds,
                new TagList { { "rpc.system", "grpc" }, { "rpc.method", context.Method.TrimStart('/') }, { "rpc.response.status_code", StatusName(code) } });
        }
    }

    // Grpc.Core's enum names in the wire spelling: ResourceExhausted -> RESOURCE_EXHAUSTED.
    private static string StatusName(StatusCode code) => code == StatusCode.OK ? "OK" :
        string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
