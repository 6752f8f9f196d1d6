using SegPref.Cli;
using SegPref.Cli.Infrastructure;

return await SegPrefCli.Build(CliEnvironment.FromConsole()).Parse(args).InvokeAsync();
