using System.CommandLine;
using SegPref.Cli.Infrastructure;
using SegPref.Models.Audio;
using SegPref.Models.Segmentation.Training;

namespace SegPref.Cli.Commands;

/// <summary>--audio-run (or --vggish-weights), --cue-run, --captioner-run: the frozen encoders (defaults: runs/audio, runs/cues, runs/captioner).</summary>
internal sealed class EncoderRunOptions
{
    public Option<string> Audio { get; } = new("--audio-run") { Description = "train-audio run (default runs/audio).", DefaultValueFactory = _ => DefaultRunFolder.Resolve("audio") };

    public Option<string> Cues { get; } = new("--cue-run") { Description = "train-cues run (default runs/cues).", DefaultValueFactory = _ => DefaultRunFolder.Resolve("cues") };

    public Option<string> Captioner { get; } = new("--captioner-run") { Description = "train-captioner run for predicted cues (default runs/captioner).", DefaultValueFactory = _ => DefaultRunFolder.Resolve("captioner") };

    public Option<string?> VggishWeights { get; } = new("--vggish-weights") { Description = "Use torchvggish's pretrained VGGish as the frozen audio encoder instead of a train-audio run: its state dict (vggish-10086976.pth, or a .safetensors copy). Train the cue encoder against it (train-cues --audio FILE)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Audio);
        command.Options.Add(Cues);
        command.Options.Add(Captioner);
        command.Options.Add(VggishWeights);
    }

    /// <exception cref="ArgumentException">--vggish-weights together with --audio-run, or a weights file that is not a .pth, .pt or .safetensors file.</exception>
    public EncoderRunPaths Read(ParseResult result)
    {
        var audio = result.GetRequiredValue(Audio);
        if (result.GetValue(VggishWeights) is { } weights)
        {
            if (result.GetResult(Audio) is { Implicit: false })
            {
                throw new ArgumentException("--vggish-weights and --audio-run both name the audio encoder; give one of them.");
            }

            audio = AudioEncoderRun.IsWeightsFile(weights)
                ? weights
                : throw new ArgumentException($"--vggish-weights {weights}: no such .pth, .pt or .safetensors file.");
        }

        return new(audio, result.GetRequiredValue(Cues), result.GetRequiredValue(Captioner));
    }
}
