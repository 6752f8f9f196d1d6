using System.Text.Json;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Media.Imaging;
using SegPref.Media.Masks;

namespace SegPref.Cli.Commands;

/// <summary>Writes a pipeline reply: masks/&lt;i&gt;.png, overlays/&lt;i&gt;.png, probability/&lt;i&gt;.png (when present) and result.json.</summary>
internal static class SegmentOutput
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Write(string outDir, IReadOnlyList<byte[]> frames, PipelineResponse reply, double latencyMs)
    {
        var masks = Directory.CreateDirectory(Path.Combine(outDir, "masks")).FullName;
        var overlays = Directory.CreateDirectory(Path.Combine(outDir, "overlays")).FullName;
        foreach (var frame in reply.Frames)
        {
            var png = frame.Mask.Png.ToByteArray();
            File.WriteAllBytes(Path.Combine(masks, $"{frame.Index}.png"), png);
            var image = ImageCodec.Decode(frames[frame.Index], $"frame {frame.Index}");
            var overlay = Overlay.Draw(image, BinaryMask.Decode(png, $"mask {frame.Index}"), (255, 40, 40));
            ImageCodec.Save(overlay, Path.Combine(overlays, $"{frame.Index}.png"));
            if (!frame.Mask.ProbabilityPng.IsEmpty)
            {
                var probability = Directory.CreateDirectory(Path.Combine(outDir, "probability")).FullName;
                File.WriteAllBytes(Path.Combine(probability, $"{frame.Index}.png"), frame.Mask.ProbabilityPng.ToByteArray());
            }
        }

        File.WriteAllText(Path.Combine(outDir, "result.json"), JsonSerializer.Serialize(Summary(reply, latencyMs), Json));
    }

    private static object Summary(PipelineResponse reply, double latencyMs) => new
    {
        LatencyMs = latencyMs,
        reply.Degraded,
        reply.DegradedReason,
        reply.CueBackend,
        Models = reply.Models.Select(m => new { m.Role, m.Name, m.Version }),
        Timings = reply.Timings.ToDictionary(t => t.Stage, t => Math.Round(t.Milliseconds, 2)),
        Frames = reply.Frames.Select(f => new
        {
            f.Index,
            f.Description,
            Cues = f.Cues.ToArray(),
            AudioReliance = f.HasAudioReliance ? f.AudioReliance : (float?)null,
            f.Mask.Width,
            f.Mask.Height,
            f.Mask.Area,
            Rle = new { Size = new[] { f.Mask.Height, f.Mask.Width }, Counts = f.Mask.Rle },
            Mask = $"masks/{f.Index}.png",
            Overlay = $"overlays/{f.Index}.png",
        }),
    };
}
