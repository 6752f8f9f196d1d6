using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SegPref.Avs.Avss;
using SegPref.Avs.Evaluation;
using SegPref.Avs.Metrics;
using SegPref.Cli.Infrastructure;
using SegPref.Contracts.Clients;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Media.Masks;
using SegPref.Mesh.Launcher;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>
/// `segpref demo`: the main job on a fresh clone with embedded defaults and no downloads: makes a demo clip with
/// AVS-Synth, starts the four services and the gateway as processes on loopback with the committed model repository,
/// segments the clip through the gateway (gRPC) with its own audio and again with another clip's audio (in which none
/// of its visible objects sounds), writes masks, overlays and result.json for both, prints descriptions, cues, audio
/// reliance and stage timings, scores the first against the clip's ground truth, and stops the mesh.
/// </summary>
internal static class DemoCommand
{
    private const int DemoClips = 12;

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
        env.Console.Write(new Rule("1. A demo clip (AVS-Synth, realistic audio, 5 frames of 64 px)"));
        var data = Path.Combine(outDir, "avs-synth");
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        // A few test clips, so that another clip's audio with none of the demo clip's visible classes can be found.
        var config = SynthCommand.Configure("realistic", seed, clips: 1, size: 64, frames: 5) with { TestClips = DemoClips };
        SegPref.Avs.Synth.SynthGenerator.Generate(data, config, cancellationToken: ct);
        var dataset = AvssDataset.Open(data);
        var swapped = ConditionedAudio.Prepare(dataset, "test", AudioConditions.Swapped);
        var clip = dataset.LoadClip(swapped.Rows[0]);
        var other = dataset.LoadClip(swapped.Rows[swapped.SwapPartner(0)]);
        env.Console.MarkupLineInterpolated($"{clip.Uid}: {clip.FrameCount} frames + audio.wav in {clip.Dir}");
        env.Console.MarkupLineInterpolated($"visible: {string.Join(", ", swapped.VisibleClasses(0))}; audible in {other.Uid}'s audio: {string.Join(", ", swapped.AudibleClasses(swapped.SwapPartner(0)))}");

        env.Console.Write(new Rule("2. The mesh: captioner, text cues, audio encoder, segmentation + pipeline, gateway"));
        var options = new MeshLaunchOptions { ModelRepository = repo, GatewayPort = 0 };
        await using var mesh = await LocalMesh.StartAsync(options, line => env.Console.MarkupLineInterpolated($"[grey]{line}[/]"), ct);
        env.Console.MarkupLineInterpolated($"all processes SERVING after {total.Elapsed.TotalSeconds:0.0} s; gateway {mesh.Gateway}");

        env.Console.Write(new Rule("3. Segment the clip with its own audio, through the gateway (gRPC)"));
        var frames = clip.FramePaths.Select(File.ReadAllBytes).ToArray();
        using var client = new SegmentClient(mesh.Gateway);
        var own = await SegmentAsync(env, client, frames, clip.AudioPath, Path.Combine(outDir, "segment"), ct);
        if (own is not { } reply)
        {
            return 1;
        }

        env.Console.MarkupLineInterpolated($"models: {string.Join(", ", reply.Models.Select(m => $"{m.Role}={m.Name}/{m.Version}"))}");
        var scored = reply.Frames.Select(f => (Prob: ToProbabilities(BinaryMask.Decode(f.Mask.Png.ToByteArray(), $"mask {f.Index}")), Gt: LabelMap.LoadRgbPng(clip.MaskPaths[f.Index]!).ToBinary())).ToList();
        env.Console.MarkupLineInterpolated($"against the clip's ground truth: J {AvsJaccard.Batch(scored):0.000}, F {AvsFScore.Batch(scored):0.000} (official metrics, one clip)");

        env.Console.Write(new Rule($"4. The same frames with {other.Uid}'s audio (none of the visible objects sounds in it)"));
        if (await SegmentAsync(env, client, frames, other.AudioPath, Path.Combine(outDir, "segment-swapped"), ct) is not { } swappedReply)
        {
            return 1;
        }

        var table = new Table().AddColumns("frame", "mask area (own audio)", "reliance (own audio)", "mask area (other clip's audio)", "reliance (other clip's audio)");
        for (var t = 0; t < reply.Frames.Count; t++)
        {
            table.AddRow(
                t.ToString(CultureInfo.InvariantCulture), Area(reply.Frames[t]), Reliance(reply.Frames[t]), Area(swappedReply.Frames[t]), Reliance(swappedReply.Frames[t]));
        }

        env.Console.Write(table);
        env.Console.MarkupLineInterpolated($"wrote masks, overlays and result.json to {Path.Combine(outDir, "segment")} and {Path.Combine(outDir, "segment-swapped")}");
        env.Console.MarkupLineInterpolated($"demo finished in {total.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s; stopping the mesh");
        return reply.Frames.Count == clip.FrameCount && swappedReply.Frames.Count == clip.FrameCount ? 0 : 1;
    }

    private static async Task<PipelineResponse?> SegmentAsync(CliEnvironment env, SegmentClient client, byte[][] frames, string wav, string outDir, CancellationToken ct)
    {
        var request = SegmentClient.BuildRequest(frames, await File.ReadAllBytesAsync(wav, ct), new SegmentClientOptions { AudioReliance = true });
        if (await SegmentCommand.CallAsync(env, client, request, TimeSpan.FromSeconds(60), calls: 3, ct) is not var (reply, latencies))
        {
            return null;
        }

        SegmentOutput.Write(outDir, frames, reply, latencies[^1]);
        SegmentCommand.Print(env, reply, latencies);
        return reply;
    }

    private static string Area(FrameResult frame)
    {
        var mask = BinaryMask.Decode(frame.Mask.Png.ToByteArray(), $"mask {frame.Index}");
        return (mask.Values.Count(v => v != 0) / (double)mask.Values.Length).ToString("0.000", CultureInfo.InvariantCulture);
    }

    private static string Reliance(FrameResult frame) =>
        frame.HasAudioReliance ? frame.AudioReliance.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static float[] ToProbabilities(BinaryMask mask) => Array.ConvertAll(mask.Values, v => v == 0 ? 0f : 1f);
}
