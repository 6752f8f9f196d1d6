using Grpc.Core;

namespace SegPref.Cli.Bench;

/// <summary>One call of a load run: when it started (from the run's start), how long it took, how it ended.</summary>
/// <param name="Started">Offset from the start of the run.</param>
/// <param name="Milliseconds">Latency.</param>
/// <param name="Code">OK or the error status.</param>
/// <param name="PastDeadline">It ended more than the grace after its deadline (or never ended before the run stopped).</param>
internal sealed record CallRecord(TimeSpan Started, double Milliseconds, StatusCode Code, bool PastDeadline);
