using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.Options;
using SegPref.Contracts.Audio.V1;
using SegPref.Contracts.Common.V1;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Media.Audio;
using SegPref.Segmentation.Service.Segmenting;
using SegPref.ServiceDefaults.Inputs;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>
/// One clip through the whole method. The caption -> cues branch and the audio branch (plus the silent-audio
/// counterfactual) run in parallel; the segmenter runs here, in process. Every stage call carries a deadline (the
/// caller's, capped by Pipeline:StageTimeoutSeconds); the first failing branch cancels the others.
/// </summary>
public sealed partial class PipelineRunner(
    IPipelineStages stages,
    SegmentationEngine engine,
    IOptions<PipelineOptions> options,
    IOptions<SegmenterOptions> segmenterOptions,
    IOptions<InputLimitsOptions> limits)
{
    public async Task<PipelineResponse> RunAsync(PipelineRequest request, DateTime callerDeadline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = SegmentationEngine.Source.StartActivity("pipeline.segment");
        var total = Stopwatch.StartNew();
        var frames = ImageInputs.Decode(request.Frames, limits.Value, "frames", sameSize: true);
        if (request.Audio is null || request.Audio.SourceCase == Audio.SourceOneofCase.None)
        {
            throw new ArgumentException("audio: missing; send the clip's WAV (or PCM).", nameof(request));
        }

        var decodeMs = total.Elapsed.TotalMilliseconds;
        var deadline = StageCall.Deadline(callerDeadline, options.Value.StageTimeoutSeconds);
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var textTask = Cancelling(RunTextAsync(request, deadline, failFast.Token), failFast);
        var audioTask = Cancelling(TimedAsync(() => stages.EncodeAudioAsync(new EncodeRequest { Audio = request.Audio, Seconds = frames.Length }, deadline, failFast.Token)), failFast);
        var silentTask = request.AudioReliance
            ? Cancelling(TimedAsync(() => stages.EncodeAudioAsync(SilentRequest(frames.Length), deadline, failFast.Token)), failFast)
            : Task.FromResult<(EncodeResponse, double)>((null!, 0));
        await AwaitAllAsync(textTask, audioTask, silentTask);

        var text = await textTask;
        var (audio, audioMs) = await audioTask;
        var (silent, silentMs) = await silentTask;
        var reply = new PipelineReplyBuilder(frames, request.IncludeProbability);
        reply.Timing("decode", decodeMs).Timing("caption", text.CaptionMs).Timing("cues", text.CuesMs).Timing("audio", audioMs);
        if (request.AudioReliance)
        {
            reply.Timing("audio_silent", silentMs);
        }

        var (cues, valid) = CueTensors(text.Cues, frames.Length, segmenterOptions.Value.CueEmbeddingSize);
        var embeddings = AudioRows(audio, frames.Length, "audio-encoder");
        var segmentWatch = Stopwatch.StartNew();
        var logits = await SegmentAsync(frames, embeddings, cues, valid, "pipeline.segment.audio", ct);
        reply.Timing("segment", segmentWatch.Elapsed.TotalMilliseconds);
        float[,,]? silentLogits = null;
        if (request.AudioReliance)
        {
            segmentWatch.Restart();
            silentLogits = await SegmentAsync(frames, AudioRows(silent, frames.Length, "audio-encoder (silence)"), cues, valid, "pipeline.segment.silent", ct);
            reply.Timing("segment_silent", segmentWatch.Elapsed.TotalMilliseconds);
        }

        var post = Stopwatch.StartNew();
        reply.Frames(logits, silentLogits, text.Captions, text.Cues);
        reply.Timing("postprocess", post.Elapsed.TotalMilliseconds).Timing("total", total.Elapsed.TotalMilliseconds);
        reply.Models(text.Captions?.Model, text.Cues?.Model, audio.Model, engine.Model.Identity);
        return reply.Build(text.Cues?.Backend ?? string.Empty, text.DegradedReason);
    }

    private static EncodeRequest SilentRequest(int seconds)
    {
        var samples = new float[seconds * VggishLogMel.SampleRateHz];
        return new EncodeRequest
        {
            Audio = new Audio { Pcm = new PcmAudio { Samples = Tensor.FromFloatSpan(samples, samples.Length), SampleRateHz = VggishLogMel.SampleRateHz } },
            Seconds = seconds,
        };
    }

    private async Task<float[,,]> SegmentAsync(SegPref.Media.Imaging.RgbImage[] frames, float[,] audio, float[,,]? cues, bool[,]? valid, string span, CancellationToken ct)
    {
        try
        {
            return await engine.SegmentAsync(frames, audio, cues, valid, span, ct);
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
