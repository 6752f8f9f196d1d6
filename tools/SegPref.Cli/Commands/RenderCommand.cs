using System.CommandLine;
using SegPref.Avs.Avss;
using SegPref.Avs.Evaluation;
using SegPref.Cli.Infrastructure;
using SegPref.Media.Imaging;
using SegPref.Media.Masks;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref render`: one clip's frames, ground-truth overlays and (optionally) prediction overlays as one PNG.</summary>
internal static class RenderCommand
{
    private static readonly (byte R, byte G, byte B) GtColor = (0, 200, 0);
    private static readonly (byte R, byte G, byte B) PredColor = (230, 40, 40);

    public static Command Create(CliEnvironment env)
    {
        var data = new Option<string>("--data") { Description = "Dataset root (AVSS layout).", Required = true };
        var uid = new Option<string>("--uid") { Description = "Clip id.", Required = true };
        var pred = new Option<string?>("--pred") { Description = "Prediction folder (<pred>/<uid>/<frame>.png) to overlay." };
        var output = new Option<string>("--out") { Description = "Output PNG.", Required = true };
        var scale = new Option<int>("--scale") { Description = "Upscale factor for small frames.", DefaultValueFactory = _ => 3 };
        var command = new Command("render", "Render a clip: frames, ground truth (green) and prediction (red) overlays side by side.") { data, uid, pred, output, scale };
        command.SetAction((result, _) => CommandErrors.Run(env, () =>
        {
            var dataset = AvssDataset.Open(result.GetRequiredValue(data));
            var id = result.GetRequiredValue(uid);
            var row = dataset.Rows.FirstOrDefault(r => r.Uid == id) ?? throw new ArgumentException($"No clip with uid '{id}' in {dataset.Root}.");
            var clip = dataset.LoadClip(row);
            var panels = Render(clip, result.GetValue(pred), Math.Max(1, result.GetValue(scale)), out var labels);
            var image = Overlay.SideBySide(panels, gap: 4, columns: clip.FrameCount, labels: labels);
            var path = result.GetRequiredValue(output);
            ImageCodec.Save(image, path);
            env.Console.MarkupLineInterpolated($"wrote {path} ({image.Width}x{image.Height}, {panels.Count} panels)");
            return 0;
        }));
        return command;
    }

    private static List<RgbImage> Render(AvssClip clip, string? predRoot, int scale, out List<string> labels)
    {
        var frames = clip.FramePaths.Select(p => ImageCodec.Load(p)).Select(f => f.Resize(f.Width * scale, f.Height * scale)).ToList();
        var panels = new List<RgbImage>(frames);
        labels = [.. clip.FrameIndices.Select((index, f) => $"frame {index}: {Describe(clip, f)}")];
        for (var f = 0; f < frames.Count; f++)
        {
            var gt = clip.MaskPaths[f] is { } maskPath ? LabelMap.LoadRgbPng(maskPath).ToBinaryMask() : null;
            panels.Add(gt is null ? frames[f] : Overlay.Draw(frames[f], gt, GtColor));
            labels.Add(gt is null ? "no ground truth" : $"ground truth ({gt.ForegroundCount} px)");
        }

        if (predRoot is not null)
        {
            for (var f = 0; f < frames.Count; f++)
            {
                var map = ProbabilityMap.Load(PredictionFolder.FramePath(predRoot, clip.Uid, clip.FrameIndices[f]));
                panels.Add(Overlay.Draw(frames[f], map, PredColor));
                labels.Add($"prediction ({map.ToBinary().ForegroundCount} px > 0.5)");
            }
        }

        return panels;
    }

    private static string Describe(AvssClip clip, int frame)
    {
        var info = clip.Synth?.Frames.FirstOrDefault(f => f.Index == clip.FrameIndices[frame]) ?? clip.Synth?.Frames.ElementAtOrDefault(frame);
        return info is null ? Path.GetFileName(clip.FramePaths[frame]) : string.Join(",", info.Objects.Where(o => o.Sounding).Select(o => o.Kind).DefaultIfEmpty("silent"));
    }
}
