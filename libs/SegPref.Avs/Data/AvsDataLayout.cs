using SegPref.Avs.Avss;
using SegPref.Avs.Original;

namespace SegPref.Avs.Data;

/// <summary>
/// Finds which layout a folder holds, and where its metadata and files are. AVSS layout: metadata.csv at the root
/// (AVS-Synth adds synth-config.json). AVSBench S4 / MS3: s4_meta_data.csv / ms3_meta_data.csv, beside the
/// visual_frames, gt_masks and audio_wav folders or beside the official s4_data/ / ms3_data/ folder that holds them;
/// the download's avsbench_data/ (Single-source/, Multi-sources/) is accepted too.
/// </summary>
public static class AvsDataLayout
{
    private static readonly string[] BenchFolders = [AvsBenchLayout.FramesFolder, AvsBenchLayout.MasksFolder, AvsBenchLayout.AudioFolder];

    /// <summary>The layout of <paramref name="root"/> (or the one <paramref name="format"/> names, checked).</summary>
    /// <exception cref="InvalidDataException">No known layout, or not the one named; the message lists what is missing.</exception>
    public static (AvsDataFormat Format, string DataRoot, string MetadataPath) Detect(string root, AvsDataFormat? format = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!Directory.Exists(root))
        {
            throw new InvalidDataException($"{root}: dataset folder not found.");
        }

        var avss = Path.Combine(root, AvssLayout.MetadataFile);
        switch (format)
        {
            case AvsDataFormat.Synth:
                return !File.Exists(avss) ? throw Missing(root, avss, "the AVSS layout that AVS-Synth writes (`segpref synth`)")
                    : File.Exists(Path.Combine(root, AvssLayout.SynthConfigFile)) ? (AvsDataFormat.Synth, root, avss)
                    : throw new InvalidDataException($"{root}: no {AvssLayout.SynthConfigFile}, so this is not AVS-Synth; for the AVSS release pass --format avss.");
            case AvsDataFormat.Avss:
                return File.Exists(avss) ? (AvsDataFormat.Avss, root, avss) : throw Missing(root, avss, "the AVSS release layout (metadata.csv, label2idx.json, <label>/<uid>/frames, labels_rgb, audio.wav)");
            case AvsDataFormat.S4:
            case AvsDataFormat.Ms3:
                return Bench(root, format.Value) ?? throw new InvalidDataException(
                    $"{root}: no {AvsBenchLayout.MetadataFile(Subset(format.Value))} here or in {Path.Combine(root, SubsetFolder(format.Value))} ({AvsDataFormats.Describe(format.Value)}: {Expected(format.Value)}).");
        }

        if (File.Exists(avss))
        {
            return (File.Exists(Path.Combine(root, AvssLayout.SynthConfigFile)) ? AvsDataFormat.Synth : AvsDataFormat.Avss, root, avss);
        }

        var found = new[] { AvsDataFormat.S4, AvsDataFormat.Ms3 }.Select(f => Bench(root, f)).OfType<(AvsDataFormat, string, string)>().ToList();
        return found.Count switch
        {
            1 => found[0],
            0 => throw new InvalidDataException(
                $"{root}: not a dataset segpref reads. Expected {AvssLayout.MetadataFile} (the AVSS release or AVS-Synth), "
                + $"{AvsBenchLayout.MetadataFile(AvsBenchSubset.S4)} (AVSBench S4: {Expected(AvsDataFormat.S4)}) or "
                + $"{AvsBenchLayout.MetadataFile(AvsBenchSubset.Ms3)} (AVSBench MS3); found neither."),
            _ => throw new InvalidDataException($"{root}: holds both AVSBench S4 and MS3; pass --format s4 or --format ms3."),
        };
    }

    // S4/MS3 under root, root/<subset folder> (the download's avsbench_data/), with files beside the CSV or in <s4|ms3>_data/.
    private static (AvsDataFormat, string, string)? Bench(string root, AvsDataFormat format)
    {
        foreach (var folder in new[] { root, Path.Combine(root, SubsetFolder(format)) })
        {
            var csv = Path.Combine(folder, AvsBenchLayout.MetadataFile(Subset(format)));
            if (!File.Exists(csv))
            {
                continue;
            }

            var data = Path.Combine(folder, DataFolder(format));
            var dataRoot = Directory.Exists(data) && !Directory.Exists(Path.Combine(folder, AvsBenchLayout.FramesFolder)) ? data : folder;
            var missing = BenchFolders.Where(f => !Directory.Exists(Path.Combine(dataRoot, f))).ToList();
            return missing.Count == 0
                ? (format, dataRoot, csv)
                : throw new InvalidDataException(
                    $"{dataRoot}: {AvsDataFormats.Describe(format)} is missing {string.Join(", ", missing.Select(m => m + "/"))} beside {Path.GetFileName(csv)} ({Expected(format)}; audio_log_mel/ alone is not enough: segpref computes the log-mel from the WAV files).");
        }

        return null;
    }

    private static InvalidDataException Missing(string root, string file, string what) =>
        new($"{root}: {Path.GetFileName(file)} not found, so this is not {what}.");

    private static string Expected(AvsDataFormat format) => format == AvsDataFormat.S4
        ? "s4_meta_data.csv beside s4_data/visual_frames/<split>/<category>/<video>/<video>_<k>.png, gt_masks/ likewise and audio_wav/<split>/<category>/<video>.wav"
        : "ms3_meta_data.csv beside ms3_data/visual_frames/<video>/<video>.mp4_<k>.png, gt_masks/<split>/<video>/<video>_<k>.png and audio_wav/<split>/<video>.wav";

    private static AvsBenchSubset Subset(AvsDataFormat format) => format == AvsDataFormat.S4 ? AvsBenchSubset.S4 : AvsBenchSubset.Ms3;

    private static string SubsetFolder(AvsDataFormat format) => format == AvsDataFormat.S4 ? "Single-source" : "Multi-sources";

    private static string DataFolder(AvsDataFormat format) => format == AvsDataFormat.S4 ? "s4_data" : "ms3_data";
}
