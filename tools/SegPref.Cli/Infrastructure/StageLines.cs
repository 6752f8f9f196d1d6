using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace SegPref.Cli.Infrastructure;

/// <summary>Prints "(stage): done/total" when a data stage finishes, and at most every 5 s while it runs.</summary>
internal static class StageLines
{
    public static SynchronousProgress<(string Stage, int Done, int Total)> Create(CliEnvironment env)
    {
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        return new(p =>
        {
            if (p.Done == p.Total || clock.Elapsed - last > TimeSpan.FromSeconds(5))
            {
                last = clock.Elapsed;
                env.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Stage}: {p.Done}/{p.Total} ({clock.Elapsed.TotalSeconds:0.0} s)"));
            }
        });
    }
}
