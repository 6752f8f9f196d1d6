using System.Collections.Concurrent;
using Grpc.Core;
using SegPref.Contracts.Audio.V1;
using SegPref.Contracts.Common.V1;
using SegPref.Media.Audio;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>
/// The audio encoder's embedding of digital silence, fetched once per audio-encoder model (name and version of the
/// Encode reply) instead of a second Encode call per request: every second of zeros gives the same log-mel example,
/// so one row stands for any clip length. A failed fetch is not cached.
/// </summary>
public sealed class SilenceEmbeddings(IPipelineStages stages)
{
    private readonly ConcurrentDictionary<(string Name, string Version), float[]> _rows = new();

    /// <summary>The silence row of <paramref name="model"/> (width <paramref name="width"/>), and the milliseconds spent fetching it (0 when cached).</summary>
    public async Task<(float[] Row, double FetchMs)> GetAsync(ModelInfo model, int width, DateTime deadline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (_rows.TryGetValue((model.Name, model.Version), out var cached))
        {
            return (cached, 0);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var samples = new float[VggishLogMel.SampleRateHz];
        var reply = await stages.EncodeAudioAsync(
            new EncodeRequest
            {
                Audio = new Audio { Pcm = new PcmAudio { Samples = Tensor.FromFloatSpan(samples, samples.Length), SampleRateHz = VggishLogMel.SampleRateHz } },
                Seconds = 1,
            },
            deadline,
            ct);
        if (reply.Model?.Name != model.Name || reply.Model?.Version != model.Version)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"audio-encoder stage is unavailable: it answered the clip with {model.Name}/{model.Version} but silence with {reply.Model?.Name}/{reply.Model?.Version} (a model change in progress); retry."));
        }

        var row = StageOutputs.AudioRows(reply, 1, width, "audio-encoder (silence)");
        _rows[(model.Name, model.Version)] = row;
        return (row, watch.Elapsed.TotalMilliseconds);
    }
}
