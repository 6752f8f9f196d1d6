using SegPref.Cli.Infrastructure;

namespace SegPref.Cli.Tests;

/// <summary>Runs `segpref` in process and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var writer = new StringWriter();
        var exit = await SegPrefCli.Build(CliEnvironment.ToWriter(writer)).Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        return (exit, writer.ToString());
    }
}
