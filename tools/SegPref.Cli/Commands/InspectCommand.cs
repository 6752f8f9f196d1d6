using System.CommandLine;
using SegPref.Avs.Avss;
using SegPref.Avs.Synth;
using SegPref.Cli.Infrastructure;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref inspect`: clip counts, class frequencies and measured P(sounding | visible) per split.</summary>
internal static class InspectCommand
{
    public static Command Create(CliEnvironment env)
    {
        var root = new Argument<string>("DIR") { Description = "Dataset root (AVSS layout)." };
        var command = new Command("inspect", "Summarise a dataset: clips per split and label, class frequencies, P(sounding | visible) per class.") { root };
        command.SetAction((result, _) => CommandErrors.Run(env, () =>
        {
            var dir = result.GetRequiredValue(root);
            var rows = AvssMetadata.Read(Path.Combine(dir, AvssLayout.MetadataFile));
            var counts = new Table().Title("clips per split and label").AddColumns("split", "label", "clips");
            foreach (var g in rows.GroupBy(r => (r.Split, r.Label)).OrderBy(g => g.Key.Split, StringComparer.Ordinal))
            {
                counts.AddRow(g.Key.Split, g.Key.Label, g.Count().ToString());
            }

            env.Console.Write(counts);
            if (File.Exists(Path.Combine(dir, AvssLayout.SynthConfigFile)))
            {
                WriteSynthStats(env, SynthStats.Measure(dir));
            }
            else
            {
                env.Console.MarkupLine("no synth-config.json: visibility is unknown, so P(sounding | visible) is not measured (real AVSBench data).");
            }

            return 0;
        }));
        return command;
    }

    private static void WriteSynthStats(CliEnvironment env, IReadOnlyList<SynthSplitStats> splits)
    {
        var classes = splits.SelectMany(s => s.Classes.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var table = new Table().Title("visible object-frames / P(sounding | visible)").AddColumn("class");
        foreach (var s in splits)
        {
            table.AddColumn(new TableColumn(s.Split).RightAligned());
        }

        foreach (var c in classes)
        {
            table.AddRow([c, .. splits.Select(s => s.Classes.TryGetValue(c, out var st) ? $"{st.VisibleObjectFrames} / {st.SoundingRate:0.000}" : "-")]);
        }

        table.AddRow(["frames with >= 1 sounding object", .. splits.Select(s => $"{s.FramesWithSound}/{s.Frames} ({s.SoundingFrameFraction:P1})")]);
        if (splits.Any(s => s.FramesWithOffScreen > 0))
        {
            table.AddRow(["frames with an off-screen source", .. splits.Select(s => $"{s.FramesWithOffScreen}/{s.Frames} ({(double)s.FramesWithOffScreen / Math.Max(1, s.Frames):P1})")]);
            table.AddRow(["frames with off-screen sound and no sounding visible object", .. splits.Select(s => $"{s.OffScreenOnlyFrames}/{s.Frames} ({(double)s.OffScreenOnlyFrames / Math.Max(1, s.Frames):P1})")]);
        }

        env.Console.Write(table);
    }
}
