using SegPref.Avs;
using SegPref.Avs.Avss;
using SegPref.Avs.Data;
using SegPref.Avs.Synth;
using SegPref.Media.Imaging;
using SegPref.Media.Masks;

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// Reads a split of an AVS dataset (AVS-Synth, the AVSS release, AVSBench S4 or MS3) into <see cref="SegmentationFrames"/>
/// (clips decoded in parallel). AVS-Synth clips bring their descriptions, cue slots and boxes and must have a mask on every
/// frame; real data has no text (descriptions empty, cue slots "None": the text side comes from the captioner) and only
/// its annotated frames are kept (AVSBench S4 train annotates frame 1 of 5).
/// </summary>
public static class SegmentationFramesLoader
{
    private static readonly string[] NoCues = ["None", "None", "None", "None"];

    /// <summary>Loads every annotated frame of <paramref name="split"/> resized to <paramref name="size"/>; <paramref name="progress"/> gets clips done.</summary>
    /// <exception cref="InvalidDataException">The split is empty, an AVS-Synth clip lacks synth.json or a mask, a clip has no annotated frame, or a file is missing.</exception>
    public static SegmentationFrames Load(AvsData data, string split, int size, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var count = data.Uids(split).Count;
        if (count == 0)
        {
            throw new InvalidDataException($"{data.Description}: the '{split}' split has no clips (splits: {string.Join(", ", data.Splits)}).");
        }

        var clips = new ClipFrames[count];
        var done = 0;
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                clips[i] = LoadClip(data, data.LoadClip(split, i), size);
                progress?.Report(Interlocked.Increment(ref done));
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // A clip's own error (a missing frame or mask) is what the caller should see, not the parallel wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }

        return Concatenate(clips, size);
    }

    /// <summary>Loads a split of an AVSS-layout dataset (AVS-Synth when it has synth-config.json); see <see cref="Load(AvsData, string, int, IProgress{int})"/>.</summary>
    public static SegmentationFrames Load(AvssDataset dataset, string split, int size, IProgress<int>? progress = null) =>
        Load(AvsData.Open((dataset ?? throw new ArgumentNullException(nameof(dataset))).Root), split, size, progress);

    private static ClipFrames LoadClip(AvsData data, AvsClip clip, int size)
    {
        var synth = (clip as AvssClip)?.Synth;
        if (data.HasSynthLabels)
        {
            synth = synth ?? throw new InvalidDataException($"{clip.Dir}: no synth.json (descriptions and cues come from AVS-Synth).");
            if (synth.Frames.Length != clip.FrameCount)
            {
                throw new InvalidDataException($"{clip.Dir}: {clip.FrameCount} frames but synth.json describes {synth.Frames.Length}.");
            }
        }

        var seconds = AvsData.FrameSeconds(clip);
        var kept = Enumerable.Range(0, clip.FrameCount).Where(t => synth is not null || clip.MaskPaths[t] is not null).ToList();
        if (kept.Count == 0)
        {
            throw new InvalidDataException($"{clip.Dir}: no frame of '{clip.Uid}' has a ground-truth mask.");
        }

        var images = new byte[kept.Count * 3 * size * size];
        var masks = new byte[kept.Count * size * size];
        var records = new FrameRecord[kept.Count];
        for (var k = 0; k < kept.Count; k++)
        {
            var t = kept[k];
            var image = ImageCodec.Load(clip.FramePaths[t]);
            var sized = image.Width == size && image.Height == size ? image : image.Resize(size, size);
            WriteChw(sized, images.AsSpan(k * 3 * size * size, 3 * size * size));
            var maskPath = clip.MaskPaths[t] ?? throw new InvalidDataException($"{clip.Dir}: frame {seconds[t]} has no mask.");
            var (binary, classes) = LoadMask(clip, maskPath);
            var sizedMask = binary.Width == size && binary.Height == size ? binary : binary.Resize(size, size);
            sizedMask.Values.CopyTo(masks.AsSpan(k * size * size));
            records[k] = synth is null
                ? new FrameRecord(clip.Uid, seconds[t], "", NoCues) { SoundingClasses = classes }
                : new FrameRecord(clip.Uid, seconds[t], synth.Frames[t].Description, synth.Frames[t].Cues)
                {
                    SoundingClasses = classes,
                    Objects = [.. synth.Frames[t].Objects.Select(o => Scale(o, (double)size / image.Width, (double)size / image.Height))],
                };
        }

        return new ClipFrames(images, masks, records);
    }

    // AVSS colour masks name the class of every sounding pixel; AVSBench S4/MS3 masks are binary (any non-zero pixel).
    private static (BinaryMask Mask, IReadOnlyList<string> Classes) LoadMask(AvsClip clip, string path)
    {
        if (clip is not AvssClip)
        {
            return (BinaryMask.Load(path), []);
        }

        var labels = LabelMap.LoadRgbPng(path);
        return (new BinaryMask(labels.Width, labels.Height, labels.ToBinary()), [.. labels.Indices.Where(i => i != 0).Distinct().Order().Select(i => ClassName(i, path))]);
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
