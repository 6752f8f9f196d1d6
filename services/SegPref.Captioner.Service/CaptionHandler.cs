using System.Diagnostics;
using System.Security.Cryptography;
using SegPref.Contracts.Captioner.V1;
using SegPref.Contracts.Common.V1;
using SegPref.Inference.Abstractions;
using SegPref.Inference.Serving;
using SegPref.Media.Imaging;
using SegPref.Serving.Inputs;

namespace SegPref.Captioner.Service;

/// <summary>The captioner's work, independent of gRPC: check, look up the cache, describe the misses in one model call.</summary>
public sealed class CaptionHandler
{
    internal static readonly ActivitySource Source = new("SegPref.Captioner");

    private readonly ModelSet<IImageCaptioner, RgbImage[], IReadOnlyList<string>> _models;
    private readonly CaptionCache _cache;
    private readonly InputDecoder _inputs;

    public CaptionHandler(ModelSet<IImageCaptioner, RgbImage[], IReadOnlyList<string>> models, CaptionCache cache, InputDecoder inputs)
    {
        _models = models;
        _cache = cache;
        _inputs = inputs;
    }

    public async Task<CaptionResponse> CaptionAsync(CaptionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var watch = Stopwatch.StartNew();
        ImageInputs.CheckEncoded(request.Images, _inputs.Limits, "images");
        var keys = request.Images.Select(i => Convert.ToHexString(SHA256.HashData(i.Data.Span))).ToArray();
        var descriptions = new string?[keys.Length];
        var cached = new bool[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            cached[i] = _cache.TryGet(keys[i], out var hit);
            descriptions[i] = cached[i] ? hit : null;
        }

        var misses = Enumerable.Range(0, keys.Length).Where(i => !cached[i]).ToArray();
        var decodeMs = 0.0;
        var modelMs = 0.0;
        var (queueMs, computeMs) = (0.0, 0.0);
        var model = _models.Default;
        if (misses.Length > 0)
        {
            using var images = await _inputs.DecodeImagesAsync([.. misses.Select(i => request.Images[i])], "images", sameSize: false, ct);
            var decoded = images.Images;
            decodeMs = watch.Elapsed.TotalMilliseconds;
            using (Source.StartActivity("captioner.describe"))
            {
                var described = await model.RunAsync(decoded, ct);
                var answers = described.Value;
                (queueMs, computeMs) = (described.QueueMs, described.ComputeMs);
                CheckAnswerCount(answers, decoded);
                for (var j = 0; j < misses.Length; j++)
                {
                    descriptions[misses[j]] = answers[j];
                    _cache.Add(keys[misses[j]], answers[j]);
                }
            }

            modelMs = watch.Elapsed.TotalMilliseconds - decodeMs;
        }

        var response = new CaptionResponse { Model = ModelInfo.From(ModelRegistration.Role, model.Identity.Name, model.Identity.Version) };
        response.Descriptions.AddRange(descriptions.Select(d => d!));
        response.Cached.AddRange(cached);
        response.Timings.Add(new StageTiming { Stage = "decode", Milliseconds = decodeMs });
        response.Timings.Add(new StageTiming { Stage = "describe", Milliseconds = modelMs });
        response.Timings.Add(new StageTiming { Stage = "describe.queue", Milliseconds = queueMs });
        response.Timings.Add(new StageTiming { Stage = "describe.compute", Milliseconds = computeMs });
        return response;
    }

    private static void CheckAnswerCount(IReadOnlyList<string> answers, RgbImage[] frames)
    {
        if (answers.Count != frames.Length)
        {
            throw new InvalidOperationException($"The captioner returned {answers.Count} descriptions for {frames.Length} images.");
        }
    }
}
