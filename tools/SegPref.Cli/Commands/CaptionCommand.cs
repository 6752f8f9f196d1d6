using System.CommandLine;
using System.Text.Json;
using SegPref.Cli.Infrastructure;
using SegPref.Media.Imaging;
using SegPref.Models.Captioning;

namespace SegPref.Cli.Commands;

/// <summary>`segpref caption IMAGE...`: describes images with a trained captioner (default run: runs/captioner in the repository).</summary>
internal static class CaptionCommand
{
    public static Command Create(CliEnvironment env)
    {
        var images = new Argument<string[]>("images") { Description = "Image files (PNG or JPEG).", Arity = ArgumentArity.OneOrMore };
        var run = new Option<string?>("--run") { Description = "Captioner run folder (default: runs/captioner under the repository root)." };
        var beam = new Option<int>("--beam") { Description = "Beam width (1 = greedy).", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print {\"descriptions\": [...]} as JSON." };
        var command = new Command("caption", "Describe images with the trained scene captioner, one line per image.") { images, run, beam, json };
        command.SetAction((result, _) => CommandErrors.Run(env, () =>
        {
            var runDir = result.GetValue(run) ?? DefaultRunFolder.Resolve("captioner");
            if (!File.Exists(Path.Combine(runDir, CaptionerRunConfig.FileName)))
            {
                throw new FileNotFoundException(
                    $"No trained captioner in {runDir}. Train one with `segpref train-captioner --data DIR --out {runDir}` " +
                    "(DIR = an AVS-Synth dataset), or pass --run RUN_FOLDER.");
            }

            var frames = result.GetRequiredValue(images).Select(p => ImageCodec.Load(p)).ToList();
            using var captioner = CaptionerRun.Load(runDir);
            var descriptions = captioner.Describe(frames, DecodeOptions.Beam(result.GetValue(beam)));
            if (result.GetValue(json))
            {
                env.Out.WriteLine(JsonSerializer.Serialize(new { descriptions }));
            }
            else
            {
                foreach (var description in descriptions)
                {
                    env.Out.WriteLine(description);
                }
            }

            return 0;
        }));
        return command;
    }
}
