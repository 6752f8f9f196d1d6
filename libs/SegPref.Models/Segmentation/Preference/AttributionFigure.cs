using System.Globalization;
using SegPref.Media.Imaging;
using SegPref.Media.Masks;
using SegPref.Models.Segmentation.Training;

namespace SegPref.Models.Segmentation.Preference;

/// <summary>
/// The figure of <c>segpref explain</c>: one row per example frame. Panels: the frame with its objects' boxes (green:
/// sounding, red: visible and silent), the prediction, one attention map per prompt group (the paint of the queries
/// weighted by their PMQS attention on the group, scaled to the row's largest value), and the prediction with every
/// prompt withheld.
/// </summary>
public static class AttributionFigure
{
    private static readonly (byte R, byte G, byte B) Prediction = (255, 64, 64);
    private static readonly (byte R, byte G, byte B) Heat = (255, 200, 0);
    private static readonly (byte R, byte G, byte B) SoundingBox = (0, 220, 0);
    private static readonly (byte R, byte G, byte B) SilentBox = (255, 0, 0);

    /// <summary>Renders the examples of <paramref name="result"/> as PNG, <paramref name="scale"/> times the split's side; null without examples.</summary>
    public static byte[]? RenderPng(SegmentationSplit split, PromptAttributionResult result, int scale = 3)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        if (result.Examples.Count == 0)
        {
            return null;
        }

        var panels = new List<RgbImage>();
        var labels = new List<string>();
        var columns = 0;
        foreach (var example in result.Examples)
        {
            var (row, labelsOfRow) = Row(split, example, scale);
            columns = row.Count;
            panels.AddRange(row);
            labels.AddRange(labelsOfRow);
        }

        return ImageCodec.EncodePng(Overlay.SideBySide(panels, gap: 4, columns: columns, labels: labels));
    }

    private static (List<RgbImage> Panels, List<string> Labels) Row(SegmentationSplit split, AttributionExample example, int scale)
    {
        var frames = split.Frames;
        var record = frames.Frames[example.Row];
        var size = frames.Size * scale;
        var image = SegmentationFeatures.Image(frames, example.Row).Resize(size, size);
        var boxes = image.Clone();
        foreach (var o in record.Objects.Where(o => !o.Distractor))
        {
            Outline(boxes, o.X * scale, o.Y * scale, o.Width * scale, o.Height * scale, o.Sounding ? SoundingBox : SilentBox);
        }

        var cues = string.Join(", ", example.Cues.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Cue} {c.Keep:0.00}")));
        List<RgbImage> panels = [boxes];
        List<string> labels = [$"{record.Uid}/{record.FrameIndex}" + (cues.Length == 0 ? string.Empty : $"; keep: {cues}")];
        var served = example.Predictions.First(p => p.Groups == PromptGroups.None);
        panels.Add(Overlay.Draw(image, new ProbabilityMap(frames.Size, frames.Size, served.Map), Prediction, 0.7f));
        labels.Add(string.Create(CultureInfo.InvariantCulture, $"prediction; silent boxes painted {example.SilentPaint ?? 0:0.00}"));
        var peak = Math.Max(1e-6f, example.GroupMaps.Max(g => g.Map.Max()));
        foreach (var group in example.GroupMaps)
        {
            var scaled = group.Map.Select(v => Math.Clamp(v / peak, 0f, 1f)).ToArray();
            panels.Add(Overlay.Draw(image, new ProbabilityMap(frames.Size, frames.Size, scaled), Heat, 0.8f));
            labels.Add($"queries reading {PromptAttribution.Describe(group.Groups)}");
        }

        var none = example.Predictions[^1];
        panels.Add(Overlay.Draw(image, new ProbabilityMap(frames.Size, frames.Size, none.Map), Prediction, 0.7f));
        labels.Add($"prediction, {PromptAttribution.Describe(none.Groups)} withheld");
        return (panels, labels);
    }

    private static void Outline(RgbImage image, int left, int top, int width, int height, (byte R, byte G, byte B) color)
    {
        var right = Math.Min(image.Width, left + width) - 1;
        var bottom = Math.Min(image.Height, top + height) - 1;
        (left, top) = (Math.Max(0, left), Math.Max(0, top));
        for (var x = left; x <= right; x++)
        {
            Set(image, x, top, color);
            Set(image, x, bottom, color);
        }

        for (var y = top; y <= bottom; y++)
        {
            Set(image, left, y, color);
            Set(image, right, y, color);
        }
    }

    private static void Set(RgbImage image, int x, int y, (byte R, byte G, byte B) color)
    {
        var o = 3 * ((y * image.Width) + x);
        (image.Pixels[o], image.Pixels[o + 1], image.Pixels[o + 2]) = (color.R, color.G, color.B);
    }
}
