using System.CommandLine;
using SegPref.Cli.Commands;
using SegPref.Cli.Infrastructure;

namespace SegPref.Cli;

/// <summary>The `segpref` command tree.</summary>
internal static class SegPrefCli
{
    public static RootCommand Build(CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var root = new RootCommand("segpref: AVS-Synth data, official AVS metrics, features, training and the TeSO pipeline tools.");
        root.Subcommands.Add(SynthCommand.Create(env));
        root.Subcommands.Add(InspectCommand.Create(env));
        root.Subcommands.Add(MetricsCommand.Create(env));
        root.Subcommands.Add(FeaturesCommand.Create(env));
        root.Subcommands.Add(RenderCommand.Create(env));
        root.Subcommands.Add(BenchCommand.Create(env));
        root.Subcommands.Add(DemoCommand.Create(env));
        root.Subcommands.Add(TrainAudioCommand.Create(env));
        root.Subcommands.Add(TrainCaptionerCommand.Create(env));
        root.Subcommands.Add(CaptionCommand.Create(env));
        root.Subcommands.Add(TrainCuesCommand.Create(env));
        root.Subcommands.Add(CuesCommand.Create(env));
        root.Subcommands.Add(EvalCuesCommand.Create(env));
        root.Subcommands.Add(TrainCommand.Create(env));
        root.Subcommands.Add(EvalCommand.Create(env));
        root.Subcommands.Add(PreferenceCommand.Create(env));
        root.Subcommands.Add(CalibrateCommand.Create(env));
        root.Subcommands.Add(ExplainCommand.Create(env));
        root.Subcommands.Add(MeshCommand.Create(env));
        root.Subcommands.Add(SegmentCommand.Create(env));
        root.Subcommands.Add(VideoCommand.Create(env));
        root.Subcommands.Add(ExportCommand.Create(env));
        return root;
    }
}
