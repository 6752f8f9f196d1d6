using System.Diagnostics;

namespace SegPref.Mesh.Launcher;

/// <summary>Supervision: a process that exits while the mesh runs is started again, with backoff, until it crash-loops.</summary>
public sealed partial class LocalMesh
{
    private async Task SuperviseAsync(MeshProcess process, CancellationToken stopping)
    {
        var crashes = new List<DateTime>();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await process.Process.WaitForExitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (stopping.IsCancellationRequested)
            {
                return;
            }

            var crashed = Stopwatch.StartNew();
            var code = ExitCode(process);
            if (_options.Restarts.NextDelay(crashes, DateTime.UtcNow) is not { } delay)
            {
                var message = $"{process.Name} exited {crashes.Count} times within {_options.Restarts.Window.TotalSeconds:F0} s (last exit code {code}); giving up, as a crash loop will not fix itself. Its last output:{Environment.NewLine}{process.Tail()}";
                _log(message);
                _failed.TrySetResult(message);
                return;
            }

            _log($"{process.Name} exited with code {code}; restarting it in {delay.TotalSeconds:F1} s (restart {crashes.Count} of at most {_options.Restarts.MaxRestarts} within {_options.Restarts.Window.TotalSeconds:F0} s)");
            try
            {
                await Task.Delay(delay, stopping);
                process.Start();
                await WaitReadyAsync(process, stopping);
                WriteState();
                _log($"{process.Name} is serving again, {crashed.Elapsed.TotalSeconds:F1} s after it exited");
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (IOException ex)
            {
                // Exited again, or never became ready: the next turn of the loop counts it as another crash.
                _log(ex.Message);
                process.Stop();
            }
        }
    }
}
