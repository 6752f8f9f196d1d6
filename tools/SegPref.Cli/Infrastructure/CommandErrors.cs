using SegPref.Models.Training;
using Spectre.Console;

namespace SegPref.Cli.Infrastructure;

/// <summary>
/// Turns the expected failures of a command (bad files, bad arguments, a training loss that became NaN or infinite) into
/// a one-line message and exit code 1, not a stack trace; also when a parallel loader wraps them in an AggregateException.
/// </summary>
internal static class CommandErrors
{
    private const int MaxMessages = 5;

    public static async Task<int> RunAsync(CliEnvironment env, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (Expected(ex) is { Count: > 0 } errors)
        {
            foreach (var message in errors.Select(e => e.Message).Distinct(StringComparer.Ordinal).Take(MaxMessages))
            {
                env.Console.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
            }

            return 1;
        }
    }

    // The expected failures inside ex: ex itself, or every inner exception of an AggregateException (parallel loaders and
    // tasks wrap a missing file in one) when all of them are expected; empty when any is not (a bug: let it surface).
    private static List<Exception> Expected(Exception ex)
    {
        if (ex is AggregateException aggregate)
        {
            var inner = aggregate.Flatten().InnerExceptions;
            return inner.Count > 0 && inner.All(IsExpected) ? [.. inner] : [];
        }

        return IsExpected(ex) ? [ex] : [];
    }

    private static bool IsExpected(Exception ex) =>
        ex is InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException or NonFiniteLossException;

    public static Task<int> Run(CliEnvironment env, Func<int> action) => RunAsync(env, () => Task.FromResult(action()));
}
