using SegPref.Inference.Abstractions;
using SegPref.Media.Audio;
using SegPref.Media.Imaging;

namespace SegPref.Inference.Batching;

/// <summary>
/// The four served models behind dynamic batchers: each concatenates its requests' flat buffers along axis 0, runs
/// the model once and hands each request its own rows back.
/// </summary>
public static class Batches
{
    /// <summary>The segmenter: requests of T frames (with audio, cues and validity) -> logits (and audio support).</summary>
    public static BatchedModel<IMaskSegmenter, SegmenterInput, SegmenterOutput> Segmenter(IMaskSegmenter model, string role, ServingPolicy policy, bool recordMetrics = true) =>
        new(model, role, policy, r => r.Frames, RunSegmenter, recordMetrics);

    /// <summary>The audio encoder: log-mel examples [N,96,64] -> embeddings [N,E].</summary>
    public static BatchedModel<IAudioEmbedder, LogMelExamples, float[]> AudioEncoder(IAudioEmbedder model, string role, ServingPolicy policy, bool recordMetrics = true) =>
        new(model, role, policy, r => r.Count, RunAudio, recordMetrics);

    /// <summary>The cue encoder: frames of cue slots -> slot vectors and validity.</summary>
    public static BatchedModel<ICueEmbedder, string[][], CueEmbeddings> CueEncoder(ICueEmbedder model, string role, ServingPolicy policy, bool recordMetrics = true) =>
        new(model, role, policy, r => r.Length, RunCues, recordMetrics);

    /// <summary>The captioner: images -> descriptions (encoder and greedy decoding run once for the whole batch).</summary>
    public static BatchedModel<IImageCaptioner, RgbImage[], IReadOnlyList<string>> Captioner(IImageCaptioner model, string role, ServingPolicy policy, bool recordMetrics = true) =>
        new(model, role, policy, r => r.Length, RunCaptioner, recordMetrics);

    internal static IReadOnlyList<SegmenterOutput> RunSegmenter(IMaskSegmenter model, IReadOnlyList<SegmenterInput> batch)
    {
        if (batch.Count == 1)
        {
            return [model.Segment(batch[0])];
        }

        var cues = model.UsesText;
        var output = model.Segment(new SegmenterInput(
            batch.Sum(r => r.Frames),
            Concat(batch.Select(r => r.Pixels)),
            Concat(batch.Select(r => r.Audio)),
            cues ? Concat(batch.Select(r => r.Cues ?? throw new ArgumentException("A text segmenter needs cue embeddings.", nameof(batch)))) : null,
            cues ? Concat(batch.Select(r => r.CueValid ?? throw new ArgumentException("A text segmenter needs cue validity.", nameof(batch)))) : null));
        var plane = model.ImageSize * model.ImageSize;
        var results = new SegmenterOutput[batch.Count];
        var row = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var t = batch[i].Frames;
            results[i] = new SegmenterOutput(output.Logits[(row * plane)..((row + t) * plane)], output.AudioSupport?[row..(row + t)]);
            row += t;
        }

        return results;
    }

    internal static IReadOnlyList<float[]> RunAudio(IAudioEmbedder model, IReadOnlyList<LogMelExamples> batch)
    {
        if (batch.Count == 1)
        {
            return [model.Embed(batch[0])];
        }

        var n = batch.Sum(r => r.Count);
        var data = new float[n * LogMelExamples.ExampleSize];
        var offset = 0;
        foreach (var r in batch)
        {
            r.Data.AsSpan(0, r.Count * LogMelExamples.ExampleSize).CopyTo(data.AsSpan(offset));
            offset += r.Count * LogMelExamples.ExampleSize;
        }

        return Split(model.Embed(new LogMelExamples(data, n)), batch.Select(r => r.Count), model.EmbeddingSize);
    }

    internal static IReadOnlyList<CueEmbeddings> RunCues(ICueEmbedder model, IReadOnlyList<string[][]> batch)
    {
        if (batch.Count == 1)
        {
            return [model.Embed(batch[0])];
        }

        var all = model.Embed([.. batch.SelectMany(r => r)]);
        var counts = batch.Select(r => r.Length).ToArray();
        var slots = all.Valid.Length / Math.Max(1, counts.Sum());
        var vectors = Split(all.Vectors, counts, slots * model.EmbeddingSize);
        var valid = Split(all.Valid, counts, slots);
        return [.. vectors.Zip(valid, (v, b) => new CueEmbeddings(v, b))];
    }

    internal static IReadOnlyList<IReadOnlyList<string>> RunCaptioner(IImageCaptioner model, IReadOnlyList<RgbImage[]> batch)
    {
        if (batch.Count == 1)
        {
            return [model.Describe(batch[0])];
        }

        var all = model.Describe([.. batch.SelectMany(r => r)]);
        var results = new IReadOnlyList<string>[batch.Count];
        var row = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            results[i] = [.. all.Skip(row).Take(batch[i].Length)];
            row += batch[i].Length;
        }

        return results;
    }

    private static T[] Concat<T>(IEnumerable<T[]> parts)
    {
        var list = parts.ToList();
        var result = new T[list.Sum(p => p.Length)];
        var offset = 0;
        foreach (var p in list)
        {
            p.CopyTo(result, offset);
            offset += p.Length;
        }

        return result;
    }

    private static List<T[]> Split<T>(T[] all, IEnumerable<int> rows, int rowSize)
    {
        var parts = new List<T[]>();
        var offset = 0;
        foreach (var n in rows)
        {
            parts.Add(all[offset..(offset + (n * rowSize))]);
            offset += n * rowSize;
        }

        return parts;
    }
}
