using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SegPref.ServiceDefaults.Models;

/// <summary>
/// Creates one model in the background and runs one warm-up call, then marks it ready. A model that fails to load or
/// warm up stops the process: a broken model must not sit behind a NOT_SERVING health status forever.
/// </summary>
internal sealed partial class ModelWarmupService<T>(
    IServiceProvider services,
    ModelReadiness readiness,
    ModelWarmup<T> warmup,
    IHostApplicationLifetime lifetime,
    ILogger<ModelWarmupService<T>> logger) : BackgroundService
    where T : class
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Yield so that Kestrel starts listening (health answers NOT_SERVING meanwhile).
        await Task.Yield();
        var watch = Stopwatch.StartNew();
        try
        {
            var model = services.GetRequiredService<T>();
            await Task.Run(() => warmup.Run(model), stoppingToken);
            readiness.MarkReady(warmup.Role);
            LogReady(logger, warmup.Role, watch.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Any load failure must stop the host, whatever its type.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex, warmup.Role);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Role} loaded and warmed up in {Milliseconds:F0} ms; serving")]
    private static partial void LogReady(ILogger logger, string role, double milliseconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Model {Role} failed to load or warm up; stopping")]
    private static partial void LogFailed(ILogger logger, Exception ex, string role);
}
