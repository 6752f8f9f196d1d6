using SegPref.Media.Imaging;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation.Training;

/// <summary>A split ready for a segmenter: frames and masks plus the frozen encoders' audio and cue inputs.</summary>
/// <param name="Name">Split name (train, val, test, test-counter).</param>
/// <param name="Frames">Images, masks and frame records.</param>
/// <param name="Audio">Audio embeddings [N,AudioDim].</param>
/// <param name="AudioDim">Width of one audio embedding.</param>
/// <param name="Cues">Cue slots, embeddings and validity.</param>
public sealed record SegmentationSplit(string Name, SegmentationFrames Frames, float[] Audio, int AudioDim, CueInputs Cues)
{
    /// <summary>Number of frames.</summary>
    public int Count => Frames.Count;

    /// <summary>The same split with other audio embeddings (a perturbed condition).</summary>
    public SegmentationSplit WithAudio(float[] audio) =>
        audio?.Length == Audio.Length ? this with { Audio = audio } : throw new ArgumentException($"Expected {Audio.Length} audio values, got {audio?.Length}.", nameof(audio));

    /// <summary>
    /// The model input and target masks [B,S,S] for <paramref name="rows"/>; frames are normalised with the ImageNet
    /// mean/std exactly as <see cref="ImageTensor.ToChw"/> does. Tensors join the caller's dispose scope.
    /// </summary>
    public (SegmentationInput Input, Tensor Masks) Batch(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var s = Frames.Size;
        var b = rows.Count;
        var pixels = new byte[b * Frames.ImageLength];
        var masks = new float[b * Frames.MaskLength];
        var slots = Cues.Valid.Length / Count;
        var cues = new float[b * slots * Cues.Dim];
        var valid = new bool[b * slots];
        for (var i = 0; i < b; i++)
        {
            var r = rows[i];
            Array.Copy(Frames.Images, r * Frames.ImageLength, pixels, i * Frames.ImageLength, Frames.ImageLength);
            for (var p = 0; p < Frames.MaskLength; p++)
            {
                masks[(i * Frames.MaskLength) + p] = Frames.Masks[(r * Frames.MaskLength) + p];
            }

            Array.Copy(Cues.Vectors, r * slots * Cues.Dim, cues, i * slots * Cues.Dim, slots * Cues.Dim);
            Array.Copy(Cues.Valid, r * slots, valid, i * slots, slots);
        }

        var frames = Normalise(tensor(pixels, [b, 3, s, s]));
        var input = new SegmentationInput(frames, AudioRows(rows), tensor(cues, [b, slots, Cues.Dim]), tensor(valid, [b, slots]));
        return (input, tensor(masks, [b, s, s]));
    }

    /// <summary>The audio embeddings [B,AudioDim] of <paramref name="rows"/>.</summary>
    public Tensor AudioRows(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var audio = new float[rows.Count * AudioDim];
        for (var i = 0; i < rows.Count; i++)
        {
            Array.Copy(Audio, rows[i] * AudioDim, audio, i * AudioDim, AudioDim);
        }

        return tensor(audio, [rows.Count, AudioDim]);
    }

    /// <summary>
    /// Cue-relevance targets [B,S] for <paramref name="rows"/>: 1 where the slot's cue names a class that sounds in the
    /// frame (<see cref="FrameRecord.SoundingClasses"/>), 0 where it names a silent one, -1 where the slot holds no cue.
    /// With <paramref name="openCue"/> a last column [B,S+1] targets SeDAM's open cue: 1 where some sounding class is
    /// not among the frame's valid cues.
    /// </summary>
    public Tensor CueTargets(IReadOnlyList<int> rows, bool openCue = false)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var width = (Cues.Valid.Length / Count) + (openCue ? 1 : 0);
        var targets = new float[rows.Count * width];
        for (var i = 0; i < rows.Count; i++)
        {
            CueTargetsOf(rows[i], openCue).CopyTo(targets, i * width);
        }

        return tensor(targets, [rows.Count, width]);
    }

    /// <summary>One frame's row of <see cref="CueTargets"/>: 1 sounding, 0 silent, -1 no cue; the open cue last with <paramref name="openCue"/>.</summary>
    public float[] CueTargetsOf(int row, bool openCue = false)
    {
        var slots = Cues.Valid.Length / Count;
        var targets = new float[slots + (openCue ? 1 : 0)];
        var sounding = Frames.Frames[row].SoundingClasses;
        var named = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < slots; k++)
        {
            var valid = Cues.Valid[(row * slots) + k];
            if (valid)
            {
                named.Add(Cues.Slots[row][k]);
            }

            targets[k] = !valid ? -1 : sounding.Contains(Cues.Slots[row][k], StringComparer.Ordinal) ? 1 : 0;
        }

        if (openCue)
        {
            targets[slots] = sounding.Any(c => !named.Contains(c)) ? 1 : 0;
        }

        return targets;
    }

    /// <summary>
    /// Cue-grounding targets [B,S,size,size] for <paramref name="rows"/> (S = the text cue slots, no open cue): 1 inside
    /// the box of every object drawn in the frame whose kind the slot's cue names (sounding or silent), 0 elsewhere; a
    /// slot without a cue is -1 everywhere. From the AVS-Synth objects (<see cref="FrameRecord.Objects"/>).
    /// </summary>
    public Tensor GroundingTargets(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var slots = Cues.Valid.Length / Count;
        var s = Frames.Size;
        var plane = s * s;
        var targets = new float[rows.Count * slots * plane];
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            for (var k = 0; k < slots; k++)
            {
                var map = targets.AsSpan(((i * slots) + k) * plane, plane);
                if (!Cues.Valid[(r * slots) + k])
                {
                    map.Fill(-1);
                    continue;
                }

                FillBoxes(map, s, Frames.Frames[r].Objects.Where(o => string.Equals(o.Kind, Cues.Slots[r][k], StringComparison.Ordinal)), 1f);
            }
        }

        return tensor(targets, [rows.Count, slots, s, s]);
    }

    /// <summary>
    /// Class-agnostic grounding targets [B,1,size,size] for <paramref name="rows"/> (the audio-only baseline's analogue of
    /// <see cref="GroundingTargets"/>): 1 inside the box of every object drawn in the frame, sounding or silent.
    /// </summary>
    public Tensor ObjectTargets(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var s = Frames.Size;
        var targets = new float[rows.Count * s * s];
        for (var i = 0; i < rows.Count; i++)
        {
            FillBoxes(targets.AsSpan(i * s * s, s * s), s, Frames.Frames[rows[i]].Objects, 1f);
        }

        return tensor(targets, [rows.Count, 1, s, s]);
    }

    /// <summary>Sets every pixel of <paramref name="objects"/>' boxes (clipped to the <paramref name="s"/> x <paramref name="s"/> map) to <paramref name="value"/>.</summary>
    internal static void FillBoxes<T>(Span<T> map, int s, IEnumerable<FrameObject> objects, T value)
    {
        foreach (var o in objects)
        {
            var (x0, x1) = (Math.Max(0, o.X), Math.Min(s, o.X + o.Width));
            for (var y = Math.Max(0, o.Y); y < Math.Min(s, o.Y + o.Height) && x1 > x0; y++)
            {
                map.Slice((y * s) + x0, x1 - x0).Fill(value);
            }
        }
    }

    private static Tensor Normalise(Tensor bytes)
    {
        var mean = tensor(ImageTensor.ImageNetMean.ToArray(), [1, 3, 1, 1]);
        var std = tensor(ImageTensor.ImageNetStd.ToArray(), [1, 3, 1, 1]);
        return ((bytes.to(ScalarType.Float32) / 255f) - mean) / std;
    }
}
