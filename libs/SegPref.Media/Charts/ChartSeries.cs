namespace SegPref.Media.Charts;

/// <summary>One named line of a <see cref="LineChart"/>: points (x, y) in data units.</summary>
/// <param name="Name">Legend label.</param>
/// <param name="Points">Points in drawing order; non-finite values are skipped.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<(double X, double Y)> Points);
