using SegPref.Avs.Avss;
using SegPref.Avs.Metrics;
using SegPref.Media.Masks;

namespace SegPref.Avs.Evaluation;

/// <summary>
/// A folder of predicted masks laid out as <c>&lt;pred&gt;/&lt;uid&gt;/&lt;frame index&gt;.png</c>: 8-bit grayscale,
/// value = probability x 255 (0/255 binary masks are accepted). This is what <c>segpref metrics</c> scores and
/// what evaluation writes with <c>--save-masks</c>.
/// </summary>
public static class PredictionFolder
{
    /// <summary>The path of one predicted frame.</summary>
    public static string FramePath(string predRoot, string uid, int frameIndex) =>
        Path.Combine(predRoot, uid, $"{frameIndex}.png");

    /// <summary>Writes one predicted probability map.</summary>
    public static void Write(string predRoot, string uid, int frameIndex, ProbabilityMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        Directory.CreateDirectory(Path.Combine(predRoot, uid));
        map.Save(FramePath(predRoot, uid, frameIndex));
    }

    /// <summary>Writes the ground truth of <paramref name="split"/> as a prediction folder (0/255 maps): a perfect prediction.</summary>
    public static int WriteGroundTruth(AvssDataset dataset, string predRoot, string? split)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var written = 0;
        foreach (var clip in dataset.Clips(split))
        {
            for (var f = 0; f < clip.FrameCount; f++)
            {
                if (clip.MaskPaths[f] is { } maskPath)
                {
                    var gt = LabelMap.LoadRgbPng(maskPath);
                    var probs = Array.ConvertAll(gt.Indices, v => v == 0 ? 0f : 1f);
                    Write(predRoot, clip.Uid, clip.FrameIndices[f], new ProbabilityMap(gt.Width, gt.Height, probs));
                    written++;
                }
            }
        }

        return written;
    }

    /// <summary>
    /// Scores the predictions against the annotated frames of <paramref name="split"/> with the official binary
    /// metrics; <paramref name="batchClips"/> clips form one batch (official: 1).
    /// </summary>
    /// <exception cref="InvalidDataException">A prediction is missing, unreadable, or of another size than its ground truth.</exception>
    public static BinaryMetricsResult Score(AvssDataset dataset, string predRoot, string? split, int batchClips = 1, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchClips, 1);
        if (!Directory.Exists(predRoot))
        {
            throw new DirectoryNotFoundException($"{predRoot}: prediction folder not found.");
        }

        var accumulator = new BinaryMetricsAccumulator();
        var done = 0;
        accumulator.AddClips(ClipFrames(dataset, predRoot, split, () => progress?.Report(++done)), batchClips);
        return accumulator.Result;
    }

    private static IEnumerable<IReadOnlyList<(float[] Prob, byte[] Gt)>> ClipFrames(AvssDataset dataset, string predRoot, string? split, Action onClip)
    {
        foreach (var clip in dataset.Clips(split))
        {
            var frames = new List<(float[], byte[])>();
            for (var f = 0; f < clip.FrameCount; f++)
            {
                var maskPath = clip.MaskPaths[f];
                if (maskPath is null)
                {
                    continue;
                }

                var gt = LabelMap.LoadRgbPng(maskPath);
                var predPath = FramePath(predRoot, clip.Uid, clip.FrameIndices[f]);
                if (!File.Exists(predPath))
                {
                    throw new InvalidDataException($"{predPath}: missing prediction for clip {clip.Uid} frame {clip.FrameIndices[f]}.");
                }

                var pred = ProbabilityMap.Load(predPath);
                if (pred.Width != gt.Width || pred.Height != gt.Height)
                {
                    throw new InvalidDataException($"{predPath}: prediction is {pred.Width}x{pred.Height}, ground truth {maskPath} is {gt.Width}x{gt.Height}.");
                }

                frames.Add((pred.Probabilities, gt.ToBinary()));
            }

            onClip();
            if (frames.Count > 0)
            {
                yield return frames;
            }
        }
    }
}
