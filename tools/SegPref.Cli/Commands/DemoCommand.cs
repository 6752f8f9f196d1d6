using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SegPref.Avs.Avss;
using SegPref.Avs.Metrics;
using SegPref.Cli.Infrastructure;
using SegPref.Contracts.Clients;
using SegPref.Media.Masks;
using SegPref.Mesh.Launcher;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>
/// `segpref demo`: the main job on a fresh clone with embedded defaults and no downloads: makes a demo clip with
/// AVS-Synth, starts the four services and the gateway as processes on loopback with the committed model repository,
/// segments the clip through the gateway (gRPC), writes masks, overlays and result.json, prints descriptions, cues,
/// audio reliance and stage timings, scores the masks against the clip's ground truth, and stops the mesh.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliEnvironment env)
    {
        var output = new Option<string>("--out") { Description = "Working folder for the demo's outputs.", DefaultValueFactory = _ => Path.Combine("out", "demo") };
        var seed = new Option<long>("--seed") { Description = "AVS-Synth seed of the demo clip.", DefaultValueFactory = _ => 7 };
        var repo = new Option<string?>("--repo") { Description = "Model repository (default: the committed models/)." };
        var command = new Command("demo", "The main job: an AVS-Synth clip segmented by the TeSO service mesh through the YARP gateway.") { output, seed, repo };
        command.SetAction((result, ct) => CommandErrors.RunAsync(env, () =>
            RunAsync(env, result.GetRequiredValue(output), result.GetValue(seed), result.GetValue(repo) ?? DefaultModelRepository.Resolve(), ct)));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, string outDir, long seed, string repo, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        env.Console.Write(new Rule("1. A demo clip (AVS-Synth, 5 frames of 64 px, audio)"));
        var data = Path.Combine(outDir, "avs-synth");
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        var config = SynthCommand.Configure("quick", seed, clips: 1, size: 64, frames: 5);
        SegPref.Avs.Synth.SynthGenerator.Generate(data, config, cancellationToken: ct);
        var clip = AvssDataset.Open(data).Clips("test").First();
        env.Console.MarkupLineInterpolated($"{clip.Uid}: {clip.FrameCount} frames + audio.wav in {clip.Dir}");

        env.Console.Write(new Rule("2. The mesh: captioner, text cues, audio encoder, segmentation + pipeline, gateway"));
        var options = new MeshLaunchOptions { ModelRepository = repo, GatewayPort = 0 };
        await using var mesh = await LocalMesh.StartAsync(options, line => env.Console.MarkupLineInterpolated($"[grey]{line}[/]"), ct);
        env.Console.MarkupLineInterpolated($"all processes SERVING after {total.Elapsed.TotalSeconds:0.0} s; gateway {mesh.Gateway}");

        env.Console.Write(new Rule("3. Segment the clip through the gateway (gRPC)"));
        var frames = clip.FramePaths.Select(File.ReadAllBytes).ToArray();
        var request = SegmentClient.BuildRequest(frames, await File.ReadAllBytesAsync(clip.AudioPath, ct), new SegmentClientOptions { AudioReliance = true });
        using var client = new SegmentClient(mesh.Gateway);
        if (await SegmentCommand.CallAsync(env, client, request, TimeSpan.FromSeconds(60), calls: 3, ct) is not var (reply, latencies))
        {
            return 1;
        }

        var segmentOut = Path.Combine(outDir, "segment");
        SegmentOutput.Write(segmentOut, frames, reply, latencies[^1]);
        SegmentCommand.Print(env, reply, latencies);
        env.Console.MarkupLineInterpolated($"models: {string.Join(", ", reply.Models.Select(m => $"{m.Role}={m.Name}/{m.Version}"))}");

        env.Console.Write(new Rule("4. Against the clip's ground truth"));
        var scored = reply.Frames.Select(f => (Prob: ToProbabilities(BinaryMask.Decode(f.Mask.Png.ToByteArray(), $"mask {f.Index}")), Gt: LabelMap.LoadRgbPng(clip.MaskPaths[f.Index]!).ToBinary())).ToList();
        env.Console.MarkupLineInterpolated($"clip J {AvsJaccard.Batch(scored):0.000}, F {AvsFScore.Batch(scored):0.000} (official metrics, one clip)");
        env.Console.MarkupLineInterpolated($"wrote masks, overlays and result.json to {segmentOut}");
        env.Console.MarkupLineInterpolated($"demo finished in {total.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s; stopping the mesh");
        return reply.Frames.Count == clip.FrameCount ? 0 : 1;
    }

    private static float[] ToProbabilities(BinaryMask mask) => Array.ConvertAll(mask.Values, v => v == 0 ? 0f : 1f);
}
