using System.Diagnostics;
using SegPref.Contracts.Common.V1;
using SegPref.Inference.Abstractions;
using SegPref.Inference.Batching;
using SegPref.Inference.Serving;

namespace SegPref.Segmentation.Service.Segmenting;

/// <summary>The served segmenters (batched) for the Segmenter RPC and the Pipeline alike; requests may pick one.</summary>
public sealed class SegmentationEngine(ModelSet<IMaskSegmenter, SegmenterInput, SegmenterOutput> models)
{
    internal static readonly ActivitySource Source = new("SegPref.Segmentation");

    /// <summary>The default segmenter.</summary>
    public IMaskSegmenter Model => models.Default.Model;

    /// <summary>Every segmenter served, the default first.</summary>
    public IEnumerable<BatchedModel<IMaskSegmenter, SegmenterInput, SegmenterOutput>> Served =>
        models.All.OrderBy(m => m == models.Default ? 0 : 1);

    /// <summary>The segmenter a request names (null or empty = the default).</summary>
    /// <exception cref="ArgumentException">A malformed version.</exception>
    /// <exception cref="ModelNotFoundException">No such model or version here.</exception>
    public BatchedModel<IMaskSegmenter, SegmenterInput, SegmenterOutput> Resolve(ModelRef? requested) =>
        models.Resolve(requested?.Name, requested?.Version);

    /// <summary>Runs <paramref name="input"/> in the segmenter's next batch: logits [T,S,S] for its T frames.</summary>
    public async Task<BatchResult<SegmenterOutput>> SegmentAsync(
        BatchedModel<IMaskSegmenter, SegmenterInput, SegmenterOutput> segmenter, SegmenterInput input, string spanName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(input);
        using var activity = Source.StartActivity(spanName);
        activity?.SetTag("segpref.frames", input.Frames);
        activity?.SetTag("segpref.model", segmenter.Identity.ToString());
        var result = await segmenter.RunAsync(input, ct);
        var plane = segmenter.Model.ImageSize * segmenter.Model.ImageSize;
        if (result.Value.Logits.Length != input.Frames * plane)
        {
            throw new InvalidOperationException($"The segmenter returned {result.Value.Logits.Length} logits for {input.Frames} frames of {plane}.");
        }

        activity?.SetTag("segpref.batch_rows", result.BatchRows);
        activity?.SetTag("segpref.batch_requests", result.BatchRequests);
        return result;
    }
}
