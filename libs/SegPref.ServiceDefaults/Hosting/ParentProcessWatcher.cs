using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SegPref.ServiceDefaults.Hosting;

/// <summary>
/// Stops this process when the process named by Mesh:ParentPid exits (set by `segpref mesh up`), so that services
/// never outlive a launcher that was killed without a chance to stop them.
/// </summary>
internal sealed partial class ParentProcessWatcher(IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<ParentProcessWatcher> logger) : BackgroundService
{
    public const string ParentPidKey = "Mesh:ParentPid";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!int.TryParse(configuration[ParentPidKey], out var pid))
        {
            return;
        }

        try
        {
            using var parent = Process.GetProcessById(pid);
            await parent.WaitForExitAsync(stoppingToken);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (OperationCanceledException)
        {
            return;
        }

        LogParentExited(logger, pid);
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parent process {Pid} exited; stopping")]
    private static partial void LogParentExited(ILogger logger, int pid);
}
