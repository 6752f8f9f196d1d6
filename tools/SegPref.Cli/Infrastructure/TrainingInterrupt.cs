using System.Runtime.InteropServices;
using Spectre.Console;

namespace SegPref.Cli.Infrastructure;

/// <summary>
/// Ctrl-C for the training commands: the first SIGINT asks the epoch loop to stop after the current step (the run folder
/// keeps the last completed epoch); a second one ends the process at once. The commands run synchronously inside
/// System.CommandLine's invocation, before its own termination handler exists, so without this Ctrl-C killed the process
/// mid-step.
/// </summary>
internal sealed class TrainingInterrupt : IDisposable
{
    /// <summary>The exit code of a run stopped by Ctrl-C (128 + SIGINT, as a shell reports it).</summary>
    public const int StoppedExitCode = 130;

    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration _registration;

    private TrainingInterrupt(CliEnvironment env, CancellationToken outer)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registration = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            context.Cancel = true;
            env.Console.MarkupLine("[yellow]interrupt:[/] stopping after the current step (Ctrl-C again quits at once)");
            _stop.Cancel();
        });
    }

    /// <summary>Cancelled by the first Ctrl-C or by <c>outer</c>.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Starts listening for Ctrl-C until disposed.</summary>
    public static TrainingInterrupt Listen(CliEnvironment env, CancellationToken outer) => new(env, outer);

    /// <summary>Prints why training stopped and how to continue; returns <see cref="StoppedExitCode"/>.</summary>
    public static int ReportStop(CliEnvironment env, string reason, string runDir)
    {
        env.Console.MarkupLineInterpolated($"[yellow]stopped:[/] {reason}; {runDir} keeps the last completed epoch (rerun the same command with --resume)");
        return StoppedExitCode;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _registration.Dispose();
        _stop.Dispose();
    }
}
