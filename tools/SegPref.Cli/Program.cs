using SegPref.Cli;
using SegPref.Cli.Infrastructure;

using var interrupt = new CliInterrupt();
return await SegPrefCli.Build(CliEnvironment.FromConsole()).Parse(args).InvokeAsync(CliInterrupt.Invocation, interrupt.Token);
