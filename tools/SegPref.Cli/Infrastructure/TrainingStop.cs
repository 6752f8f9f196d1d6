using Spectre.Console;

namespace SegPref.Cli.Infrastructure;

/// <summary>How a training command reports a run stopped by Ctrl-C (<see cref="CliInterrupt"/>) and how to continue it.</summary>
internal static class TrainingStop
{
    /// <summary>The exit code of a run stopped by Ctrl-C (128 + SIGINT, as a shell reports it).</summary>
    public const int ExitCode = 130;

    /// <summary>Prints why training stopped and how to continue; returns <see cref="ExitCode"/>.</summary>
    public static int Report(CliEnvironment env, string reason, string runDir)
    {
        env.Console.MarkupLineInterpolated($"[yellow]stopped:[/] {reason}; {runDir} keeps the last completed epoch (rerun the same command with --resume)");
        return ExitCode;
    }
}
