using SegPref.Avs.Avss;

namespace SegPref.Avs.Synth;

/// <summary>Measures an AVS-Synth dataset from its metadata.csv and per-clip synth.json files.</summary>
public static class SynthStats
{
    /// <summary>Per split (in metadata order): clip count, per-class visible frequency, P(sounding | visible), sounding frames.</summary>
    /// <exception cref="InvalidDataException">metadata.csv or a clip's synth.json is missing or malformed; the message names the file.</exception>
    public static IReadOnlyList<SynthSplitStats> Measure(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var rows = AvssMetadata.Read(Path.Combine(root, AvssLayout.MetadataFile));
        var result = new List<SynthSplitStats>();
        foreach (var group in rows.GroupBy(r => r.Split, StringComparer.Ordinal))
        {
            var counts = new SortedDictionary<string, (int Visible, int Sounding)>(StringComparer.Ordinal);
            int frames = 0, framesWithSound = 0, offScreen = 0, offScreenOnly = 0;
            foreach (var row in group)
            {
                var info = ReadClip(root, row);
                foreach (var frame in info.Frames)
                {
                    frames++;
                    var anySounding = frame.Objects.Any(o => o.Sounding);
                    framesWithSound += anySounding ? 1 : 0;
                    offScreen += frame.OffScreen is { Length: > 0 } ? 1 : 0;
                    offScreenOnly += !anySounding && frame.OffScreen is { Length: > 0 } ? 1 : 0;
                    foreach (var o in frame.Objects)
                    {
                        var (visible, sounding) = counts.GetValueOrDefault(o.Kind);
                        counts[o.Kind] = (visible + 1, sounding + (o.Sounding ? 1 : 0));
                    }
                }
            }

            var classes = counts.ToDictionary(kv => kv.Key, kv => new SynthClassStats(kv.Key, kv.Value.Visible, kv.Value.Sounding), StringComparer.Ordinal);
            result.Add(new SynthSplitStats(group.Key, group.Count(), frames, framesWithSound, classes) { FramesWithOffScreen = offScreen, OffScreenOnlyFrames = offScreenOnly });
        }

        return result;
    }

    private static SynthClipInfo ReadClip(string root, AvssMetadataRow row)
    {
        var path = Path.Combine(AvssLayout.ClipDir(root, row), AvssLayout.SynthClipFile);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: synth.json not found for clip '{row.Uid}' listed in metadata.csv.");
        }

        var info = SynthClipInfo.Parse(File.ReadAllText(path), path);
        if (!string.Equals(info.Split, row.Split, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: split '{info.Split}' does not match metadata.csv ('{row.Split}').");
        }

        return info;
    }
}
