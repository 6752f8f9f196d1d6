using System.Text;
using System.Text.Json;
using SegPref.Avs.Avss;
using SegPref.Avs.Synth;
using SegPref.Media.Masks;

namespace SegPref.Cli.Tests.AvsBench;

/// <summary>
/// Tiny datasets in the real AVSBench layouts, written from a small AVS-Synth set (5 frames of 64 px per clip): the same
/// pictures, masks and audio, without any of AVS-Synth's labels. S4 as the official download (avsbench_data/Single-source/
/// s4_meta_data.csv beside s4_data/, binary masks, train annotating frame 1 only); MS3 with its CSV beside ms3_data/ and
/// frames as <c>visual_frames/&lt;video&gt;/&lt;video&gt;.mp4_&lt;k&gt;.png</c>; AVSS as the release (metadata.csv, label2idx.json,
/// v1s/&lt;uid&gt;/ with colour masks, train annotating frame 0 only).
/// </summary>
internal static class AvsBenchTrees
{
    public const string Category = "playing_guitar";

    private static readonly string[] Splits = ["train", "val", "test"];

    /// <summary>The AVS-Synth source: train 4, val 2, test 2 clips of 5 frames.</summary>
    public static string Synth(string dir)
    {
        SynthGenerator.Generate(dir, SynthConfig.Quick with { FrameSizePx = 64, FramesPerClip = 5, TrainClips = 4, ValClips = 2, TestClips = 2, TestCounterClips = 1 });
        return dir;
    }

    /// <summary>Writes <paramref name="synthRoot"/>'s clips as <paramref name="format"/> (s4, ms3, avss) under <paramref name="dir"/>; returns the folder to pass as --data.</summary>
    public static string Write(string synthRoot, string format, string dir)
    {
        var clips = Splits.SelectMany(s => AvssDataset.Open(synthRoot).Clips(s)).ToList();
        switch (format)
        {
            case "s4":
                var s4 = Path.Combine(dir, "Single-source");
                var data = Path.Combine(s4, "s4_data");
                Csv(Path.Combine(s4, "s4_meta_data.csv"), "name,category,split", clips.Select(c => $"{c.Uid},{Category},{c.Split}"));
                foreach (var clip in clips)
                {
                    for (var k = 1; k <= 5; k++)
                    {
                        Copy(clip.FramePaths[k - 1], Path.Combine(data, "visual_frames", clip.Split, Category, clip.Uid, $"{clip.Uid}_{k}.png"));
                        if (clip.Split != "train" || k == 1)
                        {
                            BinaryPng(clip.MaskPaths[k - 1]!, Path.Combine(data, "gt_masks", clip.Split, Category, clip.Uid, $"{clip.Uid}_{k}.png"));
                        }
                    }

                    Copy(clip.AudioPath, Path.Combine(data, "audio_wav", clip.Split, Category, clip.Uid + ".wav"));
                }

                return dir;
            case "ms3":
                var ms3 = Path.Combine(dir, "ms3_data");
                Csv(Path.Combine(dir, "ms3_meta_data.csv"), "video_id,split", clips.Select(c => $"{c.Uid},{c.Split}"));
                foreach (var clip in clips)
                {
                    for (var k = 1; k <= 5; k++)
                    {
                        Copy(clip.FramePaths[k - 1], Path.Combine(ms3, "visual_frames", clip.Uid, $"{clip.Uid}.mp4_{k}.png"));
                        BinaryPng(clip.MaskPaths[k - 1]!, Path.Combine(ms3, "gt_masks", clip.Split, clip.Uid, $"{clip.Uid}_{k}.png"));
                    }

                    Copy(clip.AudioPath, Path.Combine(ms3, "audio_wav", clip.Split, clip.Uid + ".wav"));
                }

                return dir;
            case "avss":
                Directory.CreateDirectory(dir);
                AvssMetadata.Write(Path.Combine(dir, AvssLayout.MetadataFile), clips.Select(c => new AvssMetadataRow(c.Row.Vid, c.Uid, 0, 0, c.Row.AudioObjects, c.Split, "v1s")));
                File.WriteAllText(Path.Combine(dir, AvssLayout.Label2IdxFile), JsonSerializer.Serialize(AvssClasses.Label2Idx()));
                foreach (var clip in clips)
                {
                    var target = Path.Combine(dir, "v1s", clip.Uid);
                    for (var t = 0; t < clip.FrameCount; t++)
                    {
                        Copy(clip.FramePaths[t], Path.Combine(target, AvssLayout.FramesFolder, $"{t}.png"));
                        if (clip.Split != "train" || t == 0)
                        {
                            Copy(clip.MaskPaths[t]!, Path.Combine(target, AvssLayout.LabelsFolder, $"{t}.png"));
                        }
                    }

                    Copy(clip.AudioPath, Path.Combine(target, AvssLayout.AudioFile));
                }

                return dir;
            default:
                throw new ArgumentException($"Unknown layout '{format}'.", nameof(format));
        }
    }

    private static void Csv(string path, string header, IEnumerable<string> rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new StringBuilder(header).Append('\n');
        foreach (var row in rows)
        {
            text.Append(row).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }

    // AVSBench gt_masks: 8-bit grey PNG, 0 background, 255 sounding.
    private static void BinaryPng(string labelsRgb, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        LabelMap.LoadRgbPng(labelsRgb).ToBinaryMask().Save(to);
    }
}
