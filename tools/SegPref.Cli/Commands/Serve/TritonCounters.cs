using System.Globalization;
using System.Text.RegularExpressions;

namespace SegPref.Cli.Commands.Serve;

/// <summary>Reads nv_inference_count, nv_inference_exec_count and nv_inference_request_success per model from Prometheus text.</summary>
internal static partial class TritonCounters
{
    private static readonly string[] Names = ["nv_inference_count", "nv_inference_exec_count", "nv_inference_request_success"];

    /// <summary>Counter values by (model/version, metric), summed over the endpoints.</summary>
    public static async Task<Dictionary<(string Model, string Metric), double>> ScrapeAsync(HttpClient http, IReadOnlyList<Uri> endpoints, CancellationToken ct)
    {
        var values = new Dictionary<(string, string), double>();
        foreach (var endpoint in endpoints)
        {
            foreach (var line in (await http.GetStringAsync(endpoint, ct)).Split('\n'))
            {
                var match = Sample().Match(line);
                if (match.Success && Names.Contains(match.Groups["name"].Value))
                {
                    var key = ($"{Label(match.Groups["labels"].Value, "model")}/{Label(match.Groups["labels"].Value, "version")}", match.Groups["name"].Value);
                    values[key] = values.GetValueOrDefault(key) + double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
                }
            }
        }

        return values;
    }

    /// <summary>Per model, the counters' growth from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static Dictionary<string, ModelBatching> Delta(Dictionary<(string Model, string Metric), double> before, Dictionary<(string Model, string Metric), double> after)
    {
        double Grew(string model, string metric) => after.GetValueOrDefault((model, metric)) - before.GetValueOrDefault((model, metric));
        return after.Keys.Select(k => k.Model).Distinct()
            .Select(m => (Model: m, Batching: new ModelBatching(Grew(m, Names[0]), Grew(m, Names[1]), Grew(m, Names[2]))))
            .Where(p => p.Batching.Executions > 0)
            .ToDictionary(p => p.Model, p => p.Batching);
    }

    private static string Label(string labels, string name) => LabelValue().Matches(labels).FirstOrDefault(m => m.Groups[1].Value == name)?.Groups[2].Value ?? "?";

    [GeneratedRegex(@"^(?<name>[a-z_]+)\{(?<labels>[^}]*)\}\s+(?<value>\S+)")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(\w+)=""([^""]*)""")]
    private static partial Regex LabelValue();
}
