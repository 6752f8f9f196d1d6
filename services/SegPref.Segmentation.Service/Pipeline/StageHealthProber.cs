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
            var reply = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.Add(period), cancellationToken: ct);
            problem = reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? null : $"reports {reply.Status}";
        }
        catch (RpcException ex) when (!ct.IsCancellationRequested)
        {
            problem = $"{ex.StatusCode}: {ex.Status.Detail}";
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stage {Stage} is down: {Problem}")]
    private static partial void LogDown(ILogger logger, string stage, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stage {Stage} is serving")]
    private static partial void LogUp(ILogger logger, string stage);
}
