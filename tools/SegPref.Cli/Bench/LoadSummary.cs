using System.Globalization;
using Grpc.Core;

namespace SegPref.Cli.Bench;

/// <summary>Figures of a load run: calls by status, latency percentiles, calls past their deadline.</summary>
internal sealed record LoadSummary(int Calls, IReadOnlyDictionary<StatusCode, int> ByCode, int PastDeadline, double P50, double P95, double P99)
{
    public int Errors => Calls - ByCode.GetValueOrDefault(StatusCode.OK);

    public static LoadSummary Of(IReadOnlyCollection<CallRecord> records)
    {
        var ok = records.Where(r => r.Code == StatusCode.OK && !double.IsNaN(r.Milliseconds)).Select(r => r.Milliseconds).Order().ToArray();
        return new LoadSummary(
            records.Count,
            records.GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.Count()),
            records.Count(r => r.PastDeadline),
            Percentile(ok, 0.50),
            Percentile(ok, 0.95),
            Percentile(ok, 0.99));
    }

    public string Codes => string.Join(", ", ByCode.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"));

    public string Latency => string.Create(CultureInfo.InvariantCulture, $"p50 {P50:F0} ms, p95 {P95:F0} ms, p99 {P99:F0} ms");

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(q * sorted.Length))];
}
