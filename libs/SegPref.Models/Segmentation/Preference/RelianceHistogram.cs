using SegPref.Avs.Evaluation;
using SegPref.Media.Audio;
using SegPref.Media.Charts;
using SegPref.Media.Imaging;

namespace SegPref.Models.Segmentation.Preference;

/// <summary>
/// The reliance figure: for the first run of each recipe, the distribution of the per-frame audio reliance on test under
/// normal, swapped and noise-floor audio (fraction of frames per bin of width 0.05), one chart per run, side by side.
/// </summary>
public static class RelianceHistogram
{
    /// <summary>Bins over [0, 1].</summary>
    public const int Bins = 20;

    /// <summary>The conditions drawn, in legend order.</summary>
    public static IReadOnlyList<string> Conditions { get; } = [AudioPerturbation.Normal, AudioConditions.Swapped, AudioConditions.NoiseFloor];

    /// <summary>Fraction of <paramref name="values"/> (in [0, 1]) in each of <see cref="Bins"/> equal bins (1 falls in the last).</summary>
    public static double[] Fractions(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var counts = new double[Bins];
        foreach (var v in values)
        {
            counts[Math.Clamp((int)(v * Bins), 0, Bins - 1)]++;
        }

        return [.. counts.Select(c => values.Count == 0 ? 0 : c / values.Count)];
    }

    /// <summary>Renders the figure as PNG; null when no run has per-frame reliance.</summary>
    public static byte[]? RenderPng(IReadOnlyList<PreferenceRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var charts = rows.GroupBy(r => r.Recipe, StringComparer.Ordinal).Select(g => g.First())
            .Where(r => Conditions.Any(r.RelianceByFrame.ContainsKey))
            .Select(r => ImageCodec.Decode(LineChart.RenderPng($"{r.Name} ({r.Model}): audio reliance on test", "reliance (fraction of frames per 0.05 bin)", [.. Series(r)], 640, 400), "chart.png"))
            .ToList();
        return charts.Count == 0 ? null : ImageCodec.EncodePng(Overlay.SideBySide(charts, gap: 8, columns: Math.Min(3, charts.Count)));
    }

    // Step outlines: each bin drawn flat from its left to its right edge.
    private static IEnumerable<ChartSeries> Series(PreferenceRow row)
    {
        foreach (var condition in Conditions.Where(row.RelianceByFrame.ContainsKey))
        {
            var fractions = Fractions(row.RelianceByFrame[condition]);
            var points = new List<(double, double)>();
            for (var b = 0; b < Bins; b++)
            {
                points.Add(((double)b / Bins, fractions[b]));
                points.Add(((double)(b + 1) / Bins, fractions[b]));
            }

            yield return new ChartSeries(condition, points);
        }
    }
}
