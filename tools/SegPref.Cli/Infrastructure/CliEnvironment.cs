using Spectre.Console;

namespace SegPref.Cli.Infrastructure;

/// <summary>Where a command writes: <see cref="Console"/> for people (tables, progress), <see cref="Out"/> for machine output (JSON).</summary>
internal sealed class CliEnvironment(IAnsiConsole console, TextWriter output)
{
    public IAnsiConsole Console { get; } = console;

    public TextWriter Out { get; } = output;

    public static CliEnvironment FromConsole() => new(AnsiConsole.Console, System.Console.Out);

    /// <summary>A non-interactive environment that writes everything to <paramref name="writer"/> (tests, logs).</summary>
    public static CliEnvironment ToWriter(TextWriter writer) =>
        new(AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        }), writer);
}
