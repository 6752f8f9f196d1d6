using System.CommandLine;
using System.Runtime.InteropServices;

namespace SegPref.Cli.Infrastructure;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM for every command, in place of System.CommandLine's handler, which ends the process two
/// seconds after the first signal whatever the command is doing (a training step, a checkpoint being written). Here the
/// first signal cancels the command's token and the command ends when it has reached a safe point (a training run
/// after its current step; a command that cannot stop early runs on); a second signal ends the process at once.
/// </summary>
internal sealed class CliInterrupt : IDisposable
{
    private readonly CancellationTokenSource _first = new();
    private readonly PosixSignalRegistration[] _registrations;

    public CliInterrupt() => _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _first.Token;

    /// <summary>Invocation settings that leave signals to this class.</summary>
    public static InvocationConfiguration Invocation => new() { ProcessTerminationTimeout = null };

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _first.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        // A repeated signal keeps its default action: the process ends now.
        if (!_first.IsCancellationRequested)
        {
            context.Cancel = true;
            Console.Error.WriteLine("interrupt: stopping at the next safe point, a training run after its current step (press Ctrl-C again to quit at once)");
            _first.Cancel();
        }
    }
}
