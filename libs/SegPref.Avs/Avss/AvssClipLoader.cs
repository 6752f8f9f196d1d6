using SegPref.Avs.Synth;

namespace SegPref.Avs.Avss;

/// <summary>Resolves and checks one clip folder of the AVSS layout.</summary>
internal static class AvssClipLoader
{
    public static AvssClip Load(string root, AvssMetadataRow row)
    {
        CheckSegment(row.Label, "label", row);
        CheckSegment(row.Uid, "uid", row);
        var dir = AvssLayout.ClipDir(root, row);
        if (!Directory.Exists(dir))
        {
            throw new InvalidDataException($"{dir}: clip folder of uid '{row.Uid}' not found.");
        }

        var audio = Path.Combine(dir, AvssLayout.AudioFile);
        if (!File.Exists(audio))
        {
            throw new InvalidDataException($"{audio}: audio file not found.");
        }

        var framesDir = Path.Combine(dir, AvssLayout.FramesFolder);
        var frames = Directory.Exists(framesDir) ? NumberedFiles.List(framesDir, ".jpg", ".jpeg", ".png") : [];
        if (frames.Count == 0)
        {
            throw new InvalidDataException($"{framesDir}: no frames (<i>.jpg or <i>.png).");
        }

        var labelsDir = Path.Combine(dir, AvssLayout.LabelsFolder);
        var masks = Directory.Exists(labelsDir) ? NumberedFiles.List(labelsDir, ".png") : [];
        var orphan = masks.FirstOrDefault(m => !frames.ContainsKey(m.Key));
        if (orphan.Value is not null)
        {
            throw new InvalidDataException($"{orphan.Value}: mask of frame {orphan.Key}, which has no image in {framesDir}.");
        }

        return new AvssClip(
            row,
            dir,
            [.. frames.Keys],
            [.. frames.Values],
            [.. frames.Keys.Select(i => masks.GetValueOrDefault(i))],
            audio,
            ReadSynth(dir, row));
    }

    private static SynthClipInfo? ReadSynth(string dir, AvssMetadataRow row)
    {
        var path = Path.Combine(dir, AvssLayout.SynthClipFile);
        if (!File.Exists(path))
        {
            return null;
        }

        var info = SynthClipInfo.Parse(File.ReadAllText(path), path);
        return info.Uid == row.Uid
            ? info
            : throw new InvalidDataException($"{path}: uid '{info.Uid}' does not match the folder's uid '{row.Uid}'.");
    }

    private static void CheckSegment(string value, string column, AvssMetadataRow row)
    {
        // Metadata names folders; a separator or ".." would escape the dataset root.
        if (value.Length == 0 || value is "." or ".." || value.IndexOfAny(['/', '\\']) >= 0)
        {
            throw new InvalidDataException($"{AvssLayout.MetadataFile}: {column} '{value}' of uid '{row.Uid}' is not a folder name.");
        }
    }
}
