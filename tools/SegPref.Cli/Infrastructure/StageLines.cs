using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace SegPref.Cli.Infrastructure;

/// <summary>Prints "(stage): done/total" when a data stage finishes, and at most every 5 s while it runs; safe to report from several threads.</summary>
internal static class StageLines
{
    public static SynchronousProgress<(string Stage, int Done, int Total)> Create(CliEnvironment env)
    {
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var gate = new Lock();

        // Parallel loaders report from several threads at once; the console (a StringWriter in tests) is not thread-safe.
        return new(p =>
        {
            lock (gate)
            {
                if (p.Done == p.Total || clock.Elapsed - last > TimeSpan.FromSeconds(5))
                {
                    last = clock.Elapsed;
                    env.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Stage}: {p.Done}/{p.Total} ({clock.Elapsed.TotalSeconds:0.0} s)"));
                }
            }
        });
    }
}
