using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Options;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>
/// Asks each stage's grpc.health.v1 ("" = its readiness) every Pipeline:Resilience:HealthProbeSeconds, so the
/// Pipeline reports NOT_SERVING while a stage it needs is down and a recovered stage's circuit closes without waiting.
/// </summary>
internal sealed partial class StageHealthProber(
    GrpcClientFactory clients,
    StageHealth health,
    IOptions<StageResilienceOptions> options,
    ILogger<StageHealthProber> logger) : BackgroundService
{
    private readonly Dictionary<string, int> _slow = new(StringComparer.Ordinal);

    public static string ClientName(string stage) => "health-" + stage;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(options.Value.HealthProbeSeconds);
        using var timer = new PeriodicTimer(period);
        try
        {
            do
            {
                await Task.WhenAll(PipelineStageNames.All.Select(stage => ProbeAsync(stage, period, stoppingToken)));
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ProbeAsync(string stage, TimeSpan period, CancellationToken ct)
    {
        string? problem;
        try
        {
            var client = clients.CreateClient<Health.HealthClient>(ClientName(stage));
            var reply = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.Add(period * 2), cancellationToken: ct);
            problem = reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? null : $"reports {reply.Status}";
            Slow(stage, false);
        }
        catch (RpcException ex) when (!ct.IsCancellationRequested)
        {
            // A probe that only ran out of time (a busy stage) counts from the second one in a row; a refused
            // connection or a NOT_SERVING answer counts at once.
            problem = ex.StatusCode == StatusCode.DeadlineExceeded && Slow(stage, true) < 2 ? null : $"{ex.StatusCode}: {ex.Status.Detail}";
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }

        var before = health.Problem(stage);
        health.RecordProbe(stage, problem);
        if ((before is null) != (problem is null))
        {
            if (problem is null)
            {
                LogUp(logger, stage);
            }
            else
            {
                LogDown(logger, stage, problem);
            }
        }
    }

    private int Slow(string stage, bool slow)
    {
        lock (_slow)
        {
            return _slow[stage] = slow ? _slow.GetValueOrDefault(stage) + 1 : 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stage {Stage} is down: {Problem}")]
    private static partial void LogDown(ILogger logger, string stage, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stage {Stage} is serving")]
    private static partial void LogUp(ILogger logger, string stage);
}
