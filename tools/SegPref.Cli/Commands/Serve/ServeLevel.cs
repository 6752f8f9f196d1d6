namespace SegPref.Cli.Commands.Serve;

/// <summary>What one target did at one concurrency: client-side throughput and latency, server-side stage means, batching.</summary>
/// <param name="Target">The target's label.</param>
/// <param name="Concurrency">Requests kept in flight.</param>
/// <param name="Seconds">Measured wall time (all rounds).</param>
/// <param name="Completed">Successful replies.</param>
/// <param name="Errors">Failed calls by status.</param>
/// <param name="Throughput">Successful clips per second.</param>
/// <param name="P50Ms">Median latency.</param>
/// <param name="P90Ms">90th percentile latency.</param>
/// <param name="P99Ms">99th percentile latency.</param>
/// <param name="StageMeansMs">Mean of each stage timing the replies carried ("segment.queue", "audio.compute", ...).</param>
/// <param name="Batching">Per model: Triton's rows per execution and requests per execution over the level.</param>
/// <param name="LoadAverage">The machine's 1-minute load average at the end of the level.</param>
internal sealed record ServeLevel(
    string Target,
    int Concurrency,
    double Seconds,
    int Completed,
    IReadOnlyDictionary<string, int> Errors,
    double Throughput,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    IReadOnlyDictionary<string, double> StageMeansMs,
    IReadOnlyDictionary<string, ModelBatching> Batching,
    double LoadAverage);
