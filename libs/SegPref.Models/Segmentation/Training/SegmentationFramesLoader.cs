using SegPref.Avs.Avss;
using SegPref.Avs.Synth;
using SegPref.Media.Imaging;
using SegPref.Media.Masks;

namespace SegPref.Models.Segmentation.Training;

/// <summary>Reads a split of an AVS-Synth dataset into <see cref="SegmentationFrames"/> (clips decoded in parallel).</summary>
public static class SegmentationFramesLoader
{
    /// <summary>Loads every frame of <paramref name="split"/> resized to <paramref name="size"/>; <paramref name="progress"/> gets clips done.</summary>
    /// <exception cref="InvalidDataException">The split is empty, a clip lacks synth.json, or a frame has no mask.</exception>
    public static SegmentationFrames Load(AvssDataset dataset, string split, int size, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var rows = dataset.Rows.Where(r => r.Split == split).ToList();
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{dataset.Root}: the '{split}' split has no clips.");
        }

        var clips = new ClipFrames[rows.Count];
        var done = 0;
        Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            clips[i] = LoadClip(dataset.LoadClip(rows[i]), size);
            progress?.Report(Interlocked.Increment(ref done));
        });
        return Concatenate(clips, size);
    }

    private static ClipFrames LoadClip(AvssClip clip, int size)
    {
        var synth = clip.Synth ?? throw new InvalidDataException($"{clip.Dir}: no synth.json (descriptions and cues come from AVS-Synth).");
        var count = clip.FramePaths.Count;
        if (synth.Frames.Length != count)
        {
            throw new InvalidDataException($"{clip.Dir}: {count} frames but synth.json describes {synth.Frames.Length}.");
        }

        var images = new byte[count * 3 * size * size];
        var masks = new byte[count * size * size];
        var records = new FrameRecord[count];
        for (var t = 0; t < count; t++)
        {
            var image = ImageCodec.Load(clip.FramePaths[t]);
            var sized = image.Width == size && image.Height == size ? image : image.Resize(size, size);
            WriteChw(sized, images.AsSpan(t * 3 * size * size, 3 * size * size));
            var maskPath = clip.MaskPaths[t] ?? throw new InvalidDataException($"{clip.Dir}: frame {clip.FrameIndices[t]} has no mask.");
            var labels = LabelMap.LoadRgbPng(maskPath);
            var binary = new BinaryMask(labels.Width, labels.Height, labels.ToBinary());
            var sizedMask = binary.Width == size && binary.Height == size ? binary : binary.Resize(size, size);
            sizedMask.Values.CopyTo(masks.AsSpan(t * size * size));
            records[t] = new FrameRecord(clip.Uid, clip.FrameIndices[t], synth.Frames[t].Description, synth.Frames[t].Cues)
            {
                SoundingClasses = [.. labels.Indices.Where(i => i != 0).Distinct().Order().Select(i => ClassName(i, maskPath))],
                Objects = [.. synth.Frames[t].Objects.Select(o => Scale(o, (double)size / image.Width, (double)size / image.Height))],
            };
        }

        return new ClipFrames(images, masks, records);
    }

    private static string ClassName(byte index, string maskPath) =>
        index < AvssClasses.Names.Count ? AvssClasses.Names[index] : throw new InvalidDataException($"{maskPath}: label index {index} is not an AVSS class.");

    private static FrameObject Scale(SynthObjectInfo o, double sx, double sy)
    {
        if (o.Box is not [var x, var y, var w, var h])
        {
            throw new InvalidDataException($"Object '{o.Kind}' has a box of {o.Box?.Length ?? 0} numbers; expected [x, y, width, height].");
        }

        return new FrameObject(o.Kind, o.Sounding, o.Distractor, (int)Math.Round(x * sx), (int)Math.Round(y * sy), (int)Math.Round(w * sx), (int)Math.Round(h * sy));
    }

    private static void WriteChw(RgbImage image, Span<byte> destination)
    {
        var plane = image.Width * image.Height;
        for (var p = 0; p < plane; p++)
        {
            destination[p] = image.Pixels[3 * p];
            destination[plane + p] = image.Pixels[(3 * p) + 1];
            destination[(2 * plane) + p] = image.Pixels[(3 * p) + 2];
        }
    }

    private static SegmentationFrames Concatenate(ClipFrames[] clips, int size)
    {
        var total = clips.Sum(c => c.Records.Length);
        var images = new byte[total * 3 * size * size];
        var masks = new byte[total * size * size];
        var records = new List<FrameRecord>(total);
        var ranges = new List<(int, int)>(clips.Length);
        foreach (var clip in clips)
        {
            var start = records.Count;
            clip.Images.CopyTo(images, start * 3 * size * size);
            clip.Masks.CopyTo(masks, start * size * size);
            records.AddRange(clip.Records);
            ranges.Add((start, clip.Records.Length));
        }

        return new SegmentationFrames(size, images, masks, records, ranges);
    }

    private sealed record ClipFrames(byte[] Images, byte[] Masks, FrameRecord[] Records);
}
