using SegPref.Models.Segmentation;
using SegPref.Models.Segmentation.Training;

namespace SegPref.Models.Tests.Segmentation.Training;

/// <summary>
/// A small learnable split without files: each frame holds a bright square on a dark background and the mask is the
/// square; the audio embedding says how large the square is, cue slot 0 is valid.
/// </summary>
internal static class SyntheticSplit
{
    public static SegmenterOptions Tiny { get; } = SegmenterOptions.Small with { ImageSize = 32, Dim = 16, Queries = 2, DecoderLayers = 1, SedamLayers = 1, Heads = 2, TextDim = 8, AudioDim = 8, FeedForwardDim = 16 };

    public static SegmentationSplit Create(int clips, int framesPerClip, int seed)
    {
        var random = new Random(seed);
        var size = Tiny.ImageSize;
        var n = clips * framesPerClip;
        var images = new byte[n * 3 * size * size];
        var masks = new byte[n * size * size];
        var audio = new float[n * Tiny.AudioDim];
        var cues = new float[n * Tiny.CueSlots * Tiny.TextDim];
        var valid = new bool[n * Tiny.CueSlots];
        var records = new List<FrameRecord>();
        for (var f = 0; f < n; f++)
        {
            var side = random.Next(6, 16);
            var x0 = random.Next(0, size - side);
            var y0 = random.Next(0, size - side);
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    var inside = x >= x0 && x < x0 + side && y >= y0 && y < y0 + side;
                    masks[(f * size * size) + (y * size) + x] = inside ? (byte)1 : (byte)0;
                    for (var c = 0; c < 3; c++)
                    {
                        images[(f * 3 * size * size) + (c * size * size) + (y * size) + x] = (byte)(inside ? 220 : random.Next(0, 60));
                    }
                }
            }

            for (var d = 0; d < Tiny.AudioDim; d++)
            {
                audio[(f * Tiny.AudioDim) + d] = (float)((side / 16.0) + (random.NextDouble() * 0.1));
            }

            for (var d = 0; d < Tiny.TextDim; d++)
            {
                cues[(f * Tiny.CueSlots * Tiny.TextDim) + d] = (float)random.NextDouble();
            }

            valid[f * Tiny.CueSlots] = true;
            records.Add(new FrameRecord($"clip{f / framesPerClip}", f % framesPerClip, "a square", ["dog", "None", "None", "None"]));
        }

        var ranges = Enumerable.Range(0, clips).Select(c => (c * framesPerClip, framesPerClip)).ToList();
        var frames = new SegmentationFrames(size, images, masks, records, ranges);
        var slots = records.Select(r => r.GroundTruthCues).ToArray();
        return new SegmentationSplit("train", frames, audio, Tiny.AudioDim, new CueInputs(slots, null, cues, valid, Tiny.TextDim));
    }
}
