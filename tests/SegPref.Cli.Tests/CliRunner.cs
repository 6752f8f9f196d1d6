using SegPref.Cli.Infrastructure;

namespace SegPref.Cli.Tests;

/// <summary>Runs `segpref` in process and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var writer = new StringWriter();
        // Without System.CommandLine's handler an unexpected exception fails the test with its stack trace, instead of
        // going to the process's stderr (which no test captures) and leaving only exit code 1.
        var invocation = new System.CommandLine.InvocationConfiguration { EnableDefaultExceptionHandler = false };
        var exit = await SegPrefCli.Build(CliEnvironment.ToWriter(writer)).Parse(args).InvokeAsync(invocation, TestContext.Current.CancellationToken);
        return (exit, writer.ToString());
    }
}
