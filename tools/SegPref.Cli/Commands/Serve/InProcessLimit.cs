using System.Diagnostics;
using SegPref.Cues;
using SegPref.Inference;
using SegPref.Inference.Abstractions;
using SegPref.Inference.Sessions;
using SegPref.Media.Audio;
using SegPref.Media.Imaging;
using SegPref.Media.Masks;
using SegPref.Serving.Masks;
using SegPref.Serving.Reliance;

namespace SegPref.Cli.Commands.Serve;

/// <summary>
/// What the hardware can do without serving: the whole per-clip work of the Pipeline (image decode, log-mel, caption,
/// cues, audio embedding, the segmenter with the silent-audio counterfactual, reliance, mask PNG + RLE) in this one
/// process, B clips per model call and W such loops at once, with no RPC, queue or copy between stages. The best
/// (B, W) is the limit served throughput is compared with.
/// </summary>
internal sealed class InProcessLimit(string repository) : IDisposable
{
    private static readonly InferenceOptions Options = new() { Provider = ExecutionProvider.Cpu, AllowSpinning = false };

    private readonly IImageCaptioner _captioner = ModelRepository.OpenCaptioner(repository, Options);
    private readonly OnnxCueEmbedder _cues = ModelRepository.OpenCueEncoder(repository, Options);
    private readonly OnnxAudioEmbedder _audio = ModelRepository.OpenAudioEncoder(repository, Options);
    private readonly OnnxSegmenter _segmenter = ModelRepository.OpenSegmenter(repository, Options);
    private readonly ITextCueExtractor _lexicon = TextCueExtractorFactory.Create(new TextCueOptions());

    /// <summary>Clips per second at each (batch, workers) over <paramref name="duration"/> each.</summary>
    public async Task<List<(int Batch, int Workers, double ClipsPerSecond)>> MeasureAsync(
        IReadOnlyList<byte[]> frames, byte[] wav, IReadOnlyList<int> batches, IReadOnlyList<int> workers, TimeSpan duration, CancellationToken ct)
    {
        var silence = _audio.Embed(VggishLogMel.ComputeExamples(new AudioClip(new float[VggishLogMel.SampleRateHz], VggishLogMel.SampleRateHz), 1));
        await RunClipsAsync(frames, wav, 1, silence, ct);
        var results = new List<(int, int, double)>();
        foreach (var b in batches)
        {
            foreach (var w in workers)
            {
                var clips = 0;
                var watch = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, w).Select(_ => Task.Run(
                    async () =>
                    {
                        while (watch.Elapsed < duration)
                        {
                            await RunClipsAsync(frames, wav, b, silence, ct);
                            Interlocked.Add(ref clips, b);
                        }
                    },
                    ct)));
                results.Add((b, w, clips / watch.Elapsed.TotalSeconds));
            }
        }

        return results;
    }

    public void Dispose()
    {
        (_captioner as IDisposable)?.Dispose();
        _cues.Dispose();
        _audio.Dispose();
        _segmenter.Dispose();
    }

    // One model call per stage for all `clips` copies of the clip, as the served pipeline does for one request.
    private async Task RunClipsAsync(IReadOnlyList<byte[]> encodedFrames, byte[] wav, int clips, float[] silence, CancellationToken ct)
    {
        var t = encodedFrames.Count;
        var images = Enumerable.Range(0, clips).SelectMany(_ => encodedFrames.Select((f, i) => ImageCodec.Decode(f, $"frame {i}"))).ToArray();
        var mel = new float[clips * t * LogMelExamples.ExampleSize];
        for (var c = 0; c < clips; c++)
        {
            var examples = VggishLogMel.ComputeExamples(WavFile.Read(new MemoryStream(wav, writable: false), "audio.wav"), t);
            examples.Data.AsSpan(0, t * LogMelExamples.ExampleSize).CopyTo(mel.AsSpan(c * t * LogMelExamples.ExampleSize));
        }

        var descriptions = _captioner.Describe(images);
        var cues = await _lexicon.ExtractManyAsync([.. descriptions], 4, ct);
        var embedded = _cues.Embed([.. cues.Select(c => c.ToSlots())]);
        var audio = _audio.Embed(new LogMelExamples(mel, clips * t));
        var rows = clips * t;
        var counterfactual = !_segmenter.ReportsAudioSupport;
        var pixels = _segmenter.PrepareFrames(images);
        var input = counterfactual
            ? new SegmenterInput(2 * rows, [.. pixels, .. pixels], [.. audio, .. Enumerable.Range(0, rows).SelectMany(_ => silence)], Twice(embedded.Vectors), Twice(embedded.Valid))
            : new SegmenterInput(rows, pixels, audio, embedded.Vectors, embedded.Valid);
        var output = _segmenter.Segment(_segmenter.UsesText ? input : input with { Cues = null, CueValid = null });
        var side = _segmenter.ImageSize;
        var plane = side * side;
        _ = counterfactual
            ? CounterfactualReliance.FromLogits(output.Logits, rows, plane)
            : [.. output.AudioSupport!.Select(s => AudioReliance.FromSupport(s))];
        for (var f = 0; f < rows; f++)
        {
            _ = MaskRenderer.Render(output.Logits.AsSpan(f * plane, plane), side, images[f].Width, images[f].Height, includeProbability: false);
        }
    }

    private static T[] Twice<T>(T[] values) => [.. values, .. values];
}
