using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.Options;
using SegPref.Contracts.Common.V1;
using SegPref.Contracts.TextCues.V1;
using SegPref.Cues;
using SegPref.Inference.Abstractions;
using SegPref.ServiceDefaults.Inputs;
using SegPref.ServiceDefaults.Models;

namespace SegPref.TextCues.Service;

/// <summary>The text-cue work, independent of gRPC: cues per description from the backend, then slot embeddings.</summary>
public sealed class ExtractHandler(
    ModelGate<ITextCueExtractor> backend,
    ModelGate<ICueEmbedder> encoder,
    IOptions<InputLimitsOptions> limits,
    IOptions<TextCuesServiceOptions> options)
{
    internal static readonly ActivitySource Source = new("SegPref.TextCues");

    public async Task<ExtractResponse> ExtractAsync(ExtractRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckDescriptions(request.Descriptions, limits.Value);
        var watch = Stopwatch.StartNew();
        Cues.TextCues[] cues;
        using (Source.StartActivity("textcues.extract"))
        {
            try
            {
                // Backends are async and safe to call concurrently (the lexicon is pure, the LLM client is HTTP).
                cues = await backend.Model.ExtractManyAsync(request.Descriptions, options.Value.MaxConcurrency, ct);
            }
            catch (CueBackendException ex)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, $"text-cue backend '{backend.Model.BackendName}' failed: {ex.Message}"));
            }
        }

        var extractMs = watch.Elapsed.TotalMilliseconds;
        (float[,,] Vectors, bool[,] Valid) embedded;
        using (Source.StartActivity("textcues.embed"))
        {
            var slots = cues.Select(c => c.ToSlots()).ToArray();
            embedded = await encoder.RunAsync(m => m.Embed(slots), ct);
        }

        var response = new ExtractResponse
        {
            Backend = backend.Model.BackendName,
            Model = ModelInfo.From(ModelRegistration.EncoderRole, encoder.Model.Identity.Name, encoder.Model.Identity.Version),
        };
        for (var i = 0; i < cues.Length; i++)
        {
            response.Frames.Add(ToFrame(cues[i], embedded.Vectors, embedded.Valid, i));
        }

        response.Timings.Add(new StageTiming { Stage = "extract", Milliseconds = extractMs });
        response.Timings.Add(new StageTiming { Stage = "embed", Milliseconds = watch.Elapsed.TotalMilliseconds - extractMs });
        return response;
    }

    private static FrameCues ToFrame(Cues.TextCues cues, float[,,] vectors, bool[,] valid, int frame)
    {
        var slots = vectors.GetLength(1);
        var width = vectors.GetLength(2);
        var row = new float[slots * width];
        for (var s = 0; s < slots; s++)
        {
            for (var d = 0; d < width; d++)
            {
                row[(s * width) + d] = vectors[frame, s, d];
            }
        }

        var result = new FrameCues { Embeddings = Tensor.FromFloatSpan(row, slots, width) };
        result.Cues.AddRange(cues.Cues);
        for (var s = 0; s < slots; s++)
        {
            result.Valid.Add(valid[frame, s]);
        }

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
}
