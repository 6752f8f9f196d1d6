using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.Options;
using SegPref.Contracts.Audio.V1;
using SegPref.Contracts.Common.V1;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Inference.Abstractions;
using SegPref.Media.Masks;
using SegPref.Serving.Reliance;
using SegPref.Segmentation.Service.Segmenting;
using SegPref.Serving.Inputs;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>
/// One clip through the whole method. The caption -> cues branch and the audio branch run in parallel; the segmenter
/// (the request's, or the default) runs here, in process, behind its dynamic batcher. Audio reliance comes from the
/// segmenter's audio support when its graph has it, else from a silent-audio pass in the same batch as the real one
/// (the silence embedding is fetched once per audio-encoder model). Every stage call carries a deadline (the
/// caller's, capped by Pipeline:StageTimeoutSeconds); the first failing branch cancels the others.
/// </summary>
public sealed partial class PipelineRunner(
    IPipelineStages stages,
    SegmentationEngine engine,
    SilenceEmbeddings silence,
    IOptions<PipelineOptions> options,
    InputDecoder inputs)
{
    public async Task<PipelineResponse> RunAsync(PipelineRequest request, DateTime callerDeadline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = SegmentationEngine.Source.StartActivity("pipeline.segment");
        var total = Stopwatch.StartNew();
        var segmenter = engine.Resolve(request.Segmenter);
        using var decoded = await inputs.DecodeImagesAsync(request.Frames, "frames", sameSize: true, ct);
        var frames = decoded.Images;
        if (request.Audio is null || request.Audio.SourceCase == Audio.SourceOneofCase.None)
        {
            throw new ArgumentException("audio: missing; send the clip's WAV (or PCM).", nameof(request));
        }

        var decodeMs = total.Elapsed.TotalMilliseconds;
        var deadline = StageCall.Deadline(callerDeadline, options.Value.StageTimeoutSeconds);
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var textTask = Cancelling(RunTextAsync(request, deadline, failFast.Token), failFast);
        var audioTask = Cancelling(TimedAsync(() => stages.EncodeAudioAsync(new EncodeRequest { Audio = request.Audio, Seconds = frames.Length }, deadline, failFast.Token)), failFast);
        var pixels = segmenter.Model.PrepareFrames(frames);
        await AwaitAllAsync(textTask, audioTask);

        var text = await textTask;
        var (audio, audioMs) = await audioTask;
        var reply = new PipelineReplyBuilder(frames, request.IncludeProbability);
        reply.Timing("decode", decodeMs).Timing("caption", text.CaptionMs).Timing("cues", text.CuesMs).Timing("audio", audioMs)
            .StageSplit("caption", text.Captions?.Timings, "describe")
            .StageSplit("cues", text.Cues?.Timings, "embed")
            .StageSplit("audio", audio.Timings, "embed");

        var model = segmenter.Model;
        var t = frames.Length;
        var embeddings = StageOutputs.AudioRows(audio, t, model.AudioWidth, "audio-encoder");
        var (cues, valid) = model.UsesText ? StageOutputs.Cues(text.Cues, t, model.CueWidth) : (null, null);
        var counterfactual = request.AudioReliance && !model.ReportsAudioSupport;
        var input = new SegmenterInput(t, pixels, embeddings, cues, valid);
        if (counterfactual)
        {
            var (row, fetchMs) = await silence.GetAsync(audio.Model, model.AudioWidth, deadline, ct);
            if (fetchMs > 0)
            {
                reply.Timing("audio_silent", fetchMs);
            }

            // Frames 0..T-1 hear the clip, T..2T-1 silence: one request, so both passes share one batch.
            input = new SegmenterInput(
                2 * t,
                StageOutputs.Repeat<float>(pixels, 2),
                StageOutputs.Concat(embeddings, StageOutputs.Repeat<float>(row, t)),
                cues is null ? null : StageOutputs.Repeat<float>(cues, 2),
                valid is null ? null : StageOutputs.Repeat<bool>(valid, 2));
        }

        var segmentWatch = Stopwatch.StartNew();
        var segmented = await SegmentAsync(segmenter, input, ct);
        reply.Timing("segment", segmentWatch.Elapsed.TotalMilliseconds)
            .Timing("segment.queue", segmented.QueueMs)
            .Timing("segment.compute", segmented.ComputeMs);

        var post = Stopwatch.StartNew();
        var reliance = !request.AudioReliance ? null
            : counterfactual ? CounterfactualReliance.FromLogits(segmented.Value.Logits, t, model.ImageSize * model.ImageSize)
            : [.. segmented.Value.AudioSupport!.Select(s => AudioReliance.FromSupport(s))];
        reply.Frames(segmented.Value.Logits, model.ImageSize, reliance, text.Captions, text.Cues);
        reply.Timing("postprocess", post.Elapsed.TotalMilliseconds).Timing("total", total.Elapsed.TotalMilliseconds);
        reply.Models(text.Captions?.Model, text.Cues?.Model, audio.Model, segmenter.Identity);
        // A text-cue reply from the fallback backend (the configured one failed) is flagged like a degraded text branch.
        var degraded = text.DegradedReason ?? (string.IsNullOrEmpty(text.Cues?.FallbackReason) ? null : text.Cues.FallbackReason);
        return reply.Build(text.Cues?.Backend ?? string.Empty, degraded);
    }

    private async Task<Inference.Batching.BatchResult<SegmenterOutput>> SegmentAsync(
        Inference.Batching.BatchedModel<IMaskSegmenter, SegmenterInput, SegmenterOutput> segmenter, SegmenterInput input, CancellationToken ct)
    {
        try
        {
            return await engine.SegmentAsync(segmenter, input, "pipeline.segment.model", ct);
        }
        catch (ArgumentException ex)
        {
            // The inputs here come from our own stages, so a mismatch is a deployment fault, not the caller's.
            throw new RpcException(new Status(StatusCode.Internal, $"segment stage rejected the stage outputs: {ex.Message}"));
        }
    }

    private static async Task<(T Value, double Milliseconds)> TimedAsync<T>(Func<Task<T>> call)
    {
        var watch = Stopwatch.StartNew();
        var value = await call();
        return (value, watch.Elapsed.TotalMilliseconds);
    }

    private static async Task<T> Cancelling<T>(Task<T> task, CancellationTokenSource others)
    {
        try
        {
            return await task;
        }
        catch
        {
            await others.CancelAsync();
            throw;
        }
    }

    // Waits for every branch, then rethrows the first real failure (not the cancellations it caused).
    private static async Task AwaitAllAsync(params Task[] tasks)
    {
        try
        {
            await Task.WhenAll(tasks);
        }
        catch
        {
            var failure = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!)
                .OrderBy(e => e is OperationCanceledException || e is RpcException { StatusCode: StatusCode.Cancelled } ? 1 : 0)
                .FirstOrDefault();
            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }

            throw;
        }
    }
}
