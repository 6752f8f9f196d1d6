namespace SegPref.Cli.Commands.Serve;

/// <summary>A model's batching over one level, from the deltas of its Triton counters.</summary>
/// <param name="Inferences">nv_inference_count (rows).</param>
/// <param name="Executions">nv_inference_exec_count (runs).</param>
/// <param name="Requests">nv_inference_request_success.</param>
internal sealed record ModelBatching(double Inferences, double Executions, double Requests)
{
    /// <summary>Triton's average batch size: nv_inference_count / nv_inference_exec_count.</summary>
    public double RowsPerExecution => Executions > 0 ? Inferences / Executions : 0;

    /// <summary>Requests combined per run: nv_inference_request_success / nv_inference_exec_count.</summary>
    public double RequestsPerExecution => Executions > 0 ? Requests / Executions : 0;
}
