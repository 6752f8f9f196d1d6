namespace SegPref.Cli.Commands.Serve;

/// <summary>One endpoint `segpref bench serve` loads: a gateway or a segmentation service, with its label and the /metrics it may scrape.</summary>
/// <param name="Label">Name in tables, JSON and the figure.</param>
/// <param name="Address">Where Pipeline.Segment is called.</param>
/// <param name="Metrics">Prometheus endpoints whose nv_inference_* counters are read before and after each level.</param>
internal sealed record ServeTarget(string Label, Uri Address, IReadOnlyList<Uri> Metrics);
