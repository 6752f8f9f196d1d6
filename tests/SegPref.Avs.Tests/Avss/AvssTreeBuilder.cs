using System.Text.Json;
using SegPref.Avs.Avss;

namespace SegPref.Avs.Tests.Avss;

/// <summary>Writes an AVSS-layout tree: root files plus one folder per clip.</summary>
internal static class AvssTreeBuilder
{
    public static void WriteRoot(DatasetTree tree, params AvssMetadataRow[] rows)
    {
        AvssMetadata.Write(tree.PathOf(AvssLayout.MetadataFile), rows);
        tree.Write(AvssLayout.Label2IdxFile, JsonSerializer.Serialize(AvssClasses.Label2Idx()));
    }

    public static void WriteClip(DatasetTree tree, AvssMetadataRow row, int[] frames, int[] masks, string ext = ".jpg")
    {
        var dir = Path.Combine(row.Label, row.Uid);
        tree.Write(Path.Combine(dir, AvssLayout.AudioFile));
        foreach (var i in frames)
        {
            tree.Write(Path.Combine(dir, AvssLayout.FramesFolder, i + ext));
        }

        foreach (var i in masks)
        {
            tree.Write(Path.Combine(dir, AvssLayout.LabelsFolder, i + ".png"));
        }
    }

    public static AvssMetadataRow Row(string uid, string split, string label) =>
        new("vid_" + uid, uid, 0, 10, "guitar", split, label);
}
