using SegPref.Avs.Avss;
using SegPref.Media.Imaging;

namespace SegPref.Models.Captioning;

/// <summary>Loads the frames of one split of an AVSS-layout dataset with their AVS-Synth descriptions.</summary>
public static class CaptionFrames
{
    /// <summary>
    /// Every frame of <paramref name="split"/> (clip order, then time order), resized to <paramref name="size"/> x
    /// <paramref name="size"/> once here so training batches only normalise.
    /// </summary>
    /// <exception cref="InvalidDataException">A clip has no synth.json, or its frame count differs from its descriptions, or the split is empty.</exception>
    public static IReadOnlyList<CaptionFrame> Load(AvssDataset dataset, string split, int size, int? maxFrames = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrEmpty(split);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var frames = new List<CaptionFrame>();
        foreach (var clip in dataset.Clips(split))
        {
            if (clip.Synth is null)
            {
                throw new InvalidDataException($"{clip.Dir}: no synth.json; the captioner trains on AVS-Synth descriptions.");
            }

            if (clip.Synth.Frames.Length != clip.FramePaths.Count)
            {
                throw new InvalidDataException($"{clip.Dir}: {clip.FramePaths.Count} frames but synth.json describes {clip.Synth.Frames.Length}.");
            }

            for (var t = 0; t < clip.FramePaths.Count && (maxFrames is null || frames.Count < maxFrames); t++)
            {
                var image = ImageCodec.Load(clip.FramePaths[t]);
                var sized = image.Width == size && image.Height == size ? image : image.Resize(size, size);
                frames.Add(new CaptionFrame(sized, clip.Synth.Frames[t].Description, clip.FramePaths[t]));
            }

            if (maxFrames is not null && frames.Count >= maxFrames)
            {
                break;
            }
        }

        return frames.Count > 0 ? frames : throw new InvalidDataException($"{dataset.Root}: split '{split}' has no frames.");
    }
}
