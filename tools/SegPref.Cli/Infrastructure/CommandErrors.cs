using SegPref.Models.Training;
using Spectre.Console;

namespace SegPref.Cli.Infrastructure;

/// <summary>
/// Turns the expected failures of a command (bad files, bad arguments, a training loss that became NaN or infinite) into
/// a one-line message and exit code 1, not a stack trace.
/// </summary>
internal static class CommandErrors
{
    public static async Task<int> RunAsync(CliEnvironment env, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or FileNotFoundException or DirectoryNotFoundException or IOException or NonFiniteLossException)
        {
            env.Console.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
            return 1;
        }
    }

    public static Task<int> Run(CliEnvironment env, Func<int> action) => RunAsync(env, () => Task.FromResult(action()));
}
