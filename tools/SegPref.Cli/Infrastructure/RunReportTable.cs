using System.Globalization;
using Spectre.Console;

namespace SegPref.Cli.Infrastructure;

/// <summary>Prints the final figures of a training run (its metrics.json "final" block) as a table.</summary>
internal static class RunReportTable
{
    public static void Print(CliEnvironment env, IReadOnlyDictionary<string, object?> final, string runDir)
    {
        var table = new Table().AddColumn("figure").AddColumn("value");
        foreach (var (key, value) in final)
        {
            table.AddRow(key, Markup.Escape(Convert.ToString(value is double d ? Math.Round(d, 4) : value, CultureInfo.InvariantCulture) ?? "-"));
        }

        env.Console.Write(table);
        env.Console.MarkupLineInterpolated($"wrote {runDir}");
    }
}
