using System.CommandLine;
using SegPref.Cli.Infrastructure;
using SegPref.Models.Segmentation.Training;

namespace SegPref.Cli.Commands;

/// <summary>--audio-run, --cue-run, --captioner-run: the frozen encoders (defaults: runs/audio, runs/cues, runs/captioner).</summary>
internal sealed class EncoderRunOptions
{
    public Option<string> Audio { get; } = new("--audio-run") { Description = "train-audio run (default runs/audio).", DefaultValueFactory = _ => DefaultRunFolder.Resolve("audio") };

    public Option<string> Cues { get; } = new("--cue-run") { Description = "train-cues run (default runs/cues).", DefaultValueFactory = _ => DefaultRunFolder.Resolve("cues") };

    public Option<string> Captioner { get; } = new("--captioner-run") { Description = "train-captioner run for predicted cues (default runs/captioner).", DefaultValueFactory = _ => DefaultRunFolder.Resolve("captioner") };

    public void AddTo(Command command)
    {
        command.Options.Add(Audio);
        command.Options.Add(Cues);
        command.Options.Add(Captioner);
    }

    public EncoderRunPaths Read(ParseResult result) =>
        new(result.GetRequiredValue(Audio), result.GetRequiredValue(Cues), result.GetRequiredValue(Captioner));
}
