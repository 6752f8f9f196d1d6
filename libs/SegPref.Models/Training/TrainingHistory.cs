using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SegPref.Media.Charts;

namespace SegPref.Models.Training;

/// <summary>
/// Per-epoch (or per-step) scalar metrics of one training run, written next to the weights as
/// <c>metrics.json</c> (history + final figures) and <c>curves.png</c>.
/// </summary>
public sealed class TrainingHistory
{
    // A figure can be NaN (e.g. a mAP without positives); JSON has no NaN, so it is written as the string "NaN".
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly List<Dictionary<string, double>> _rows = [];

    /// <summary>The recorded rows in order; each has at least the key "epoch".</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> Rows => _rows;

    /// <summary>Records the metrics of one epoch.</summary>
    public void Add(int epoch, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var row = new Dictionary<string, double>(metrics, StringComparer.Ordinal) { ["epoch"] = epoch };
        _rows.Add(row);
    }

    /// <summary>Writes metrics.json (history, final figures, run facts) into <paramref name="runDir"/>.</summary>
    public void WriteJson(string runDir, IReadOnlyDictionary<string, object?> final)
    {
        ArgumentNullException.ThrowIfNull(final);
        Directory.CreateDirectory(runDir);
        var root = new JsonObject
        {
            ["final"] = JsonSerializer.SerializeToNode(final, Json),
            ["history"] = JsonSerializer.SerializeToNode(_rows, Json),
        };
        File.WriteAllText(Path.Combine(runDir, "metrics.json"), root.ToJsonString(Json));
    }

    /// <summary>Draws the named metrics against the epoch into <c>curves.png</c> (one chart, one line per metric).</summary>
    public void WriteCurves(string runDir, string title, params string[] metricNames)
    {
        ArgumentNullException.ThrowIfNull(metricNames);
        Directory.CreateDirectory(runDir);
        var series = metricNames
            .Select(name => new ChartSeries(name, _rows.Where(r => r.ContainsKey(name)).Select(r => (r["epoch"], r[name])).ToList()))
            .Where(s => s.Points.Count > 0)
            .ToList();
        File.WriteAllBytes(Path.Combine(runDir, "curves.png"), LineChart.RenderPng(title, "epoch", series));
    }
}
