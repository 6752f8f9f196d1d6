namespace SegPref.Contracts.Clients;

/// <summary>What to ask of the pipeline for one clip.</summary>
public sealed record SegmentClientOptions
{
    /// <summary>Also report the per-frame audio reliance (the segmenter's audio support, or a silent-audio pass in the same batch).</summary>
    public bool AudioReliance { get; init; } = true;

    /// <summary>Also return probability maps.</summary>
    public bool IncludeProbability { get; init; }

    /// <summary>Deadline of the call (sent to the server, which passes the remainder down to every stage).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}
