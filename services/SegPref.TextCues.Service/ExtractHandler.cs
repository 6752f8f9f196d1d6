using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.Options;
using SegPref.Contracts.Common.V1;
using SegPref.Contracts.TextCues.V1;
using SegPref.Cues;
using SegPref.Inference.Abstractions;
using SegPref.Inference.Serving;
using SegPref.Serving.Inputs;

namespace SegPref.TextCues.Service;

/// <summary>The text-cue work, independent of gRPC: cues per description from the backend, then slot embeddings.</summary>
public sealed partial class ExtractHandler(
    ITextCueExtractor backend,
    CueBackendFallback fallback,
    ModelSet<ICueEmbedder, string[][], CueEmbeddings> encoders,
    IOptions<InputLimitsOptions> limits,
    IOptions<TextCuesServiceOptions> options,
    ILogger<ExtractHandler> logger)
{
    internal static readonly ActivitySource Source = new("SegPref.TextCues");

    public async Task<ExtractResponse> ExtractAsync(ExtractRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckDescriptions(request.Descriptions, limits.Value);
        var watch = Stopwatch.StartNew();
        Cues.TextCues[] cues;
        var answered = backend.BackendName;
        string? fallbackReason = null;
        using (Source.StartActivity("textcues.extract"))
        {
            try
            {
                // Backends are async and safe to call concurrently (the lexicon is pure, the LLM client is HTTP).
                cues = await backend.ExtractManyAsync(request.Descriptions, options.Value.MaxConcurrency, ct);
            }
            catch (CueBackendException ex) when (fallback.Extractor is { } standIn)
            {
                fallbackReason = $"text-cue backend '{backend.BackendName}' failed: {ex.Message}; cues from '{standIn.BackendName}'";
                LogFallback(logger, backend.BackendName, standIn.BackendName, ex.Message);
                cues = await standIn.ExtractManyAsync(request.Descriptions, options.Value.MaxConcurrency, ct);
                answered = standIn.BackendName;
            }
            catch (CueBackendException ex)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, $"text-cue backend '{backend.BackendName}' failed: {ex.Message}"));
            }
        }

        var extractMs = watch.Elapsed.TotalMilliseconds;
        var encoder = encoders.Default;
        Inference.Batching.BatchResult<CueEmbeddings> embedded;
        using (Source.StartActivity("textcues.embed"))
        {
            embedded = await encoder.RunAsync([.. cues.Select(c => c.ToSlots())], ct);
        }

        var response = new ExtractResponse
        {
            Backend = answered,
            FallbackReason = fallbackReason ?? string.Empty,
            Model = ModelInfo.From(ModelRegistration.EncoderRole, encoder.Identity.Name, encoder.Identity.Version),
        };
        var width = encoder.Model.EmbeddingSize;
        for (var i = 0; i < cues.Length; i++)
        {
            response.Frames.Add(ToFrame(cues[i], embedded.Value, i, width));
        }

        response.Timings.Add(new StageTiming { Stage = "extract", Milliseconds = extractMs });
        response.Timings.Add(new StageTiming { Stage = "embed", Milliseconds = watch.Elapsed.TotalMilliseconds - extractMs });
        response.Timings.Add(new StageTiming { Stage = "embed.queue", Milliseconds = embedded.QueueMs });
        response.Timings.Add(new StageTiming { Stage = "embed.compute", Milliseconds = embedded.ComputeMs });
        return response;
    }

    // One frame's rows of the flat [n,slots,D] vectors and [n,slots] validity.
    private static FrameCues ToFrame(Cues.TextCues cues, CueEmbeddings embedded, int frame, int width)
    {
        var slots = CueSlots.Count;
        var result = new FrameCues { Embeddings = Tensor.FromFloatSpan(embedded.Vectors.AsSpan(frame * slots * width, slots * width), slots, width) };
        result.Cues.AddRange(cues.Cues);
        result.Valid.AddRange(embedded.Valid.AsSpan(frame * slots, slots).ToArray());
        return result;
    }

    private static void CheckDescriptions(Google.Protobuf.Collections.RepeatedField<string> descriptions, InputLimitsOptions limits)
    {
        if (descriptions.Count == 0)
        {
            throw new ArgumentException("descriptions: at least one description is required.", nameof(descriptions));
        }

        if (descriptions.Count > limits.MaxFrames)
        {
            throw new ArgumentException($"descriptions: {descriptions.Count} is over the limit of {limits.MaxFrames} (Limits:MaxFrames).", nameof(descriptions));
        }

        for (var i = 0; i < descriptions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(descriptions[i]))
            {
                throw new ArgumentException($"descriptions[{i}]: the description is empty.", nameof(descriptions));
            }

            if (descriptions[i].Length > limits.MaxDescriptionChars)
            {
                throw new ArgumentException(
                    $"descriptions[{i}]: {descriptions[i].Length} characters is over the limit of {limits.MaxDescriptionChars} (Limits:MaxDescriptionChars).",
                    nameof(descriptions));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Text-cue backend {Backend} failed ({Problem}); answering from the fallback {Fallback}")]
    private static partial void LogFallback(ILogger logger, string backend, string fallback, string problem);
}
