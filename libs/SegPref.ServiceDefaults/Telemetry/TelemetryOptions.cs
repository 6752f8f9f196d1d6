namespace SegPref.ServiceDefaults.Telemetry;

/// <summary>Which OpenTelemetry exporter a process uses (section "Telemetry").</summary>
public sealed class TelemetryOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>"none" (default: spans are still created and propagated, just not exported), "console" or "otlp".</summary>
    public string Exporter { get; set; } = "none";

    /// <summary>OTLP endpoint when <see cref="Exporter"/> is "otlp"; null uses OTEL_EXPORTER_OTLP_ENDPOINT or the SDK default.</summary>
    public Uri? OtlpEndpoint { get; set; }
}
