using System.Diagnostics;
using SegPref.Contracts.Audio.V1;
using SegPref.Contracts.Common.V1;
using SegPref.Inference.Abstractions;
using SegPref.Inference.Serving;
using SegPref.Media.Audio;
using SegPref.Serving.Inputs;

namespace SegPref.AudioEncoder.Service;

/// <summary>The audio work, independent of gRPC: decode any WAV, VGGish log-mel at 16 kHz, embed one row per second.</summary>
public sealed class EncodeHandler(ModelSet<IAudioEmbedder, LogMelExamples, float[]> models, InputDecoder inputs)
{
    internal static readonly ActivitySource Source = new("SegPref.AudioEncoder");

    public async Task<EncodeResponse> EncodeAsync(EncodeRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var watch = Stopwatch.StartNew();
        var maxSeconds = (int)Math.Ceiling(inputs.Limits.MaxAudioSeconds);
        if (request.Seconds < 0 || request.Seconds > maxSeconds)
        {
            throw new ArgumentException($"seconds: {request.Seconds} is outside 0..{maxSeconds} (Limits:MaxAudioSeconds).", nameof(request));
        }

        using var audio = await inputs.DecodeAudioAsync(request.Audio, ct);
        var clip = audio.Clip;
        LogMelExamples examples;
        using (Source.StartActivity("audio.logmel"))
        {
            // ComputeExamples resamples to 16 kHz; with an explicit count it pads like AVSBench (last second repeats).
            examples = request.Seconds > 0 ? VggishLogMel.ComputeExamples(clip, request.Seconds) : VggishLogMel.ComputeExamples(clip);
        }

        if (examples.Count == 0)
        {
            throw new ArgumentException(
                $"audio: {clip.DurationSeconds:F3} s is shorter than one 0.975 s VGGish example; send at least one second or set seconds.", nameof(request));
        }

        var featuresMs = watch.Elapsed.TotalMilliseconds;
        var model = models.Default;
        Inference.Batching.BatchResult<float[]> embedded;
        using (Source.StartActivity("audio.embed"))
        {
            embedded = await model.RunAsync(examples, ct);
        }

        var response = new EncodeResponse
        {
            Embeddings = Tensor.FromFloatSpan(embedded.Value, examples.Count, model.Model.EmbeddingSize),
            DurationSeconds = clip.DurationSeconds,
            Model = ModelInfo.From(ModelRegistration.Role, model.Identity.Name, model.Identity.Version),
        };
        response.Timings.Add(new StageTiming { Stage = "logmel", Milliseconds = featuresMs });
        response.Timings.Add(new StageTiming { Stage = "embed", Milliseconds = watch.Elapsed.TotalMilliseconds - featuresMs });
        response.Timings.Add(new StageTiming { Stage = "embed.queue", Milliseconds = embedded.QueueMs });
        response.Timings.Add(new StageTiming { Stage = "embed.compute", Milliseconds = embedded.ComputeMs });
        return response;
    }
}
