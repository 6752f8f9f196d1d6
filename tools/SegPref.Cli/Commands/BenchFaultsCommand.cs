using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using SegPref.Cli.Bench;
using SegPref.Cli.Infrastructure;
using SegPref.Contracts.Audio.V1;
using SegPref.Contracts.Clients;
using SegPref.Mesh.Launcher;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>
/// `segpref bench faults`: hostile inputs (the resampling bomb, with the audio encoder's CPU per request), then, for
/// each target in turn, load through the gateway while that process is killed: errors by code, calls past their
/// deadline, and time until calls succeed again (the mesh must be run by `segpref mesh up`, which restarts it).
/// </summary>
internal static class BenchFaultsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var gateway = new Option<string>("--gateway") { Description = "The gateway of a `segpref mesh up`, e.g. http://127.0.0.1:8080.", Required = true };
        var kill = new Option<string>("--kill") { Description = "Processes to kill, one per phase.", DefaultValueFactory = _ => "captioner,textcues,audio,segmentation,gateway" };
        var rate = new Option<double>("--rate") { Description = "Calls per second during each phase.", DefaultValueFactory = _ => 2 };
        var phase = new Option<string>("--phase") { Description = "Length of each phase.", DefaultValueFactory = _ => "30s" };
        var killAt = new Option<string>("--kill-at") { Description = "When in each phase the process is killed.", DefaultValueFactory = _ => "5s" };
        var bombs = new Option<int>("--bombs") { Description = "Resampling-bomb requests sent first (0 = none).", DefaultValueFactory = _ => 100 };
        var options = BenchOptions.Create();
        var command = new Command("faults", "Kill each mesh process under load: errors by code, calls past their deadline, time to recovery; and the resampling bomb's cost.")
        {
            gateway, kill, rate, phase, killAt, bombs,
        };
        options.AddTo(command);
        command.SetAction((result, ct) => CommandErrors.RunAsync(env, async () =>
        {
            var address = new Uri(result.GetRequiredValue(gateway));
            var statePath = result.GetValue(options.State) ?? MeshState.DefaultPath(address.Port);
            var apiKey = result.GetValue(options.ApiKey);
            env.Console.MarkupLineInterpolated($"load average at start: {ProcessStats.LoadAverage()}");
            if (result.GetValue(bombs) > 0)
            {
                await BombAsync(env, address, MeshState.Read(statePath), result.GetValue(bombs), apiKey, ct);
            }

            var request = BenchClip.Request(result.GetValue(options.Clip), !result.GetValue(options.NoReliance));
            var timeout = TimeSpan.FromSeconds(result.GetValue(options.Timeout));
            var table = new Table().AddColumns("killed", "calls", "by status", "past deadline", "first failure after kill", "recovered after kill", "load average");
            foreach (var target in result.GetRequiredValue(kill).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                using var client = new SegmentClient(address, apiKey: apiKey);
                await WaitHealthyAsync(address, ct);
                var state = MeshState.Read(statePath);
                var victim = state.Processes.SingleOrDefault(p => p.Name == target)
                    ?? throw new ArgumentException($"--kill {target}: no such process in {statePath} ({string.Join(", ", state.Processes.Select(p => p.Name))}).");
                var at = BenchOptions.ParseDuration(result.GetRequiredValue(killAt));
                var killed = TimeSpan.MinValue;
                var records = await LoadRun.RunAsync(client, request, result.GetValue(rate), BenchOptions.ParseDuration(result.GetRequiredValue(phase)), timeout, elapsed =>
                {
                    if (killed == TimeSpan.MinValue && elapsed >= at)
                    {
                        killed = elapsed;
                        using var process = Process.GetProcessById(victim.Pid);
                        process.Kill(entireProcessTree: true);
                        env.Console.MarkupLineInterpolated($"[grey]killed {target} (pid {victim.Pid}) at {elapsed.TotalSeconds:F1} s[/]");
                    }

                    return Task.CompletedTask;
                }, ct);
                var summary = LoadSummary.Of(records);
                var (firstFailure, recovery) = Recovery(records, killed);
                table.AddRow(target, summary.Calls.ToString(CultureInfo.InvariantCulture), summary.Codes, summary.PastDeadline.ToString(CultureInfo.InvariantCulture), firstFailure, recovery, ProcessStats.LoadAverage());
            }

            env.Console.Write(table);
            return 0;
        }));
        return command;
    }

    // Recovery: from the kill to the start of the first call after which every call succeeded.
    private static (string FirstFailure, string Recovery) Recovery(List<CallRecord> records, TimeSpan killed)
    {
        var after = records.Where(r => r.Started >= killed - TimeSpan.FromSeconds(10)).ToList();
        var failures = after.Where(r => r.Code != StatusCode.OK).ToList();
        if (failures.Count == 0)
        {
            return ("none", "0.0 s (no call failed)");
        }

        var lastFailure = failures.Max(r => r.Started);
        var firstOkAfter = records.FirstOrDefault(r => r.Started > lastFailure && r.Code == StatusCode.OK);
        var first = (failures.Min(r => r.Started) - killed).TotalSeconds;
        return (string.Create(CultureInfo.InvariantCulture, $"{first:F1} s"),
            firstOkAfter is null ? "not within the phase" : string.Create(CultureInfo.InvariantCulture, $"{(firstOkAfter.Started - killed).TotalSeconds:F1} s"));
    }

    private static async Task WaitHealthyAsync(Uri gateway, CancellationToken ct)
    {
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            try
            {
                using var response = await http.GetAsync(new Uri(gateway, "/readyz"), ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500, ct);
        }

        throw new IOException($"{gateway}readyz did not pass within 3 minutes; is `segpref mesh up` still running?");
    }

    private static async Task BombAsync(CliEnvironment env, Uri gateway, MeshState state, int count, string? apiKey, CancellationToken ct)
    {
        // 4.2 MB of 16-bit samples declaring 2,147,483,647 Hz: 1 ms of audio that took 13 s and 0.9 GB before the fix.
        var wav = BombWav(2_100_000);
        var audio = state.Processes.Single(p => p.Name == "audio");
        using var channel = GrpcChannel.ForAddress(gateway, new GrpcChannelOptions { MaxSendMessageSize = null });
        var client = new AudioEncoder.AudioEncoderClient(channel);
        var headers = apiKey is null ? null : new Metadata { { "x-api-key", apiKey } };
        var request = new EncodeRequest { Audio = new Contracts.Common.V1.Audio { Wav = ByteString.CopyFrom(wav) }, Seconds = 1 };
        var codes = new Dictionary<StatusCode, int>();

        // The idle rate (timers, health probes, GC) over 3 s, subtracted from the bombs' CPU below.
        var idleBefore = ProcessStats.CpuMilliseconds(audio.Pid);
        await Task.Delay(3000, ct);
        var idlePerSecond = (ProcessStats.CpuMilliseconds(audio.Pid) - idleBefore) / 3.0;
        var cpuBefore = ProcessStats.CpuMilliseconds(audio.Pid);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var code = StatusCode.OK;
            try
            {
                await client.EncodeAsync(request, headers, DateTime.UtcNow.AddSeconds(30), ct);
            }
            catch (RpcException ex)
            {
                code = ex.StatusCode;
            }

            codes[code] = codes.GetValueOrDefault(code) + 1;

            // Ten a second: under the gateway's default per-client rate, so every bomb reaches the encoder.
            await Task.Delay(100, ct);
        }

        var wall = clock.Elapsed;
        var cpu = ProcessStats.CpuMilliseconds(audio.Pid) - cpuBefore;
        var net = cpu - (idlePerSecond * wall.TotalSeconds);
        var reached = Math.Max(1, codes.GetValueOrDefault(StatusCode.InvalidArgument));
        env.Console.MarkupLineInterpolated($"resampling bomb ({wav.Length / 1e6:F1} MB declaring 2147483647 Hz) x{count}: {string.Join(", ", codes.Select(p => $"{p.Key} {p.Value}"))}; audio-encoder CPU per refused request {cpu / reached:F1} ms, {net / reached:F1} ms after its idle rate ({idlePerSecond:F1} ms/s over {wall.TotalSeconds:F0} s) is taken off (10 ms /proc ticks)");
    }

    private static byte[] BombWav(int frames)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + (frames * 2));
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(int.MaxValue);
        writer.Write(int.MaxValue);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(frames * 2);
        writer.Write(new byte[frames * 2]);
        writer.Flush();
        return stream.ToArray();
    }
}
