using System.Text.Json;
using SegPref.Avs.Avss;
using SegPref.Avs.Synth;
using SegPref.Media.Imaging;

namespace SegPref.Models.Tests.Captioning;

/// <summary>Writes a minimal AVS-Synth-style tree (AVSS layout + synth.json) of <see cref="TinyCaptioning"/> frames.</summary>
internal static class TinySynthDataset
{
    public const int FramesPerClip = 4;

    public static void Write(string root, int clipsPerSplit)
    {
        var rows = new List<AvssMetadataRow>();
        var seed = 0;
        foreach (var split in new[] { "train", "val", "test" })
        {
            for (var c = 0; c < clipsPerSplit; c++)
            {
                var row = new AvssMetadataRow($"vid_{split}{c}", $"{split}{c}", 0, 0, "box", split, "synth");
                rows.Add(row);
                WriteClip(AvssLayout.ClipDir(root, row), row, TinyCaptioning.Frames(FramesPerClip, seed++));
            }
        }

        AvssMetadata.Write(Path.Combine(root, AvssLayout.MetadataFile), rows);
        File.WriteAllText(Path.Combine(root, AvssLayout.Label2IdxFile), JsonSerializer.Serialize(AvssClasses.Label2Idx()));
    }

    private static void WriteClip(string dir, AvssMetadataRow row, List<Models.Captioning.CaptionFrame> frames)
    {
        Directory.CreateDirectory(Path.Combine(dir, AvssLayout.FramesFolder));
        File.WriteAllBytes(Path.Combine(dir, AvssLayout.AudioFile), []);
        var infos = new List<SynthFrameInfo>();
        for (var i = 0; i < frames.Count; i++)
        {
            ImageCodec.Save(frames[i].Image, Path.Combine(dir, AvssLayout.FramesFolder, $"{i}.png"));
            infos.Add(new SynthFrameInfo(i, frames[i].Description, ["None", "None", "None", "None"], []));
        }

        File.WriteAllText(Path.Combine(dir, AvssLayout.SynthClipFile), new SynthClipInfo(row.Uid, row.Split, [.. infos]).ToJson());
    }
}
