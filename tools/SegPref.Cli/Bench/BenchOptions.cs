using System.CommandLine;
using System.Globalization;

namespace SegPref.Cli.Bench;

/// <summary>Options the load benchmarks share.</summary>
internal sealed class BenchOptions
{
    public Option<string?> State { get; } = new("--state") { Description = "The mesh state file written by `segpref mesh up` (default: the one for the gateway's port)." };

    public Option<string?> Clip { get; } = new("--clip") { Description = "A clip folder to send (default: the demo's 5-frame AVS-Synth clip)." };

    public Option<string?> ApiKey { get; } = new("--api-key") { Description = "Sent as x-api-key when the gateway requires keys." };

    public Option<double> Timeout { get; } = new("--timeout") { Description = "Deadline of each call in seconds.", DefaultValueFactory = _ => 10 };

    public Option<bool> NoReliance { get; } = new("--no-reliance") { Description = "Skip the silent-audio counterfactual." };

    public static BenchOptions Create() => new();

    public void AddTo(Command command)
    {
        command.Options.Add(State);
        command.Options.Add(Clip);
        command.Options.Add(ApiKey);
        command.Options.Add(Timeout);
        command.Options.Add(NoReliance);
    }

    /// <summary>"10m", "90s", "1h", or plain seconds.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var (number, unit) = char.IsLetter(text[^1]) ? (text[..^1], text[^1]) : (text, 's');
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new ArgumentException($"'{text}' is not a duration; use e.g. 90s, 10m or 1h.");
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            _ => throw new ArgumentException($"'{text}': unit must be s, m or h."),
        };
    }
}
