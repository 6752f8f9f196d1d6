using System.CommandLine;
using SegPref.Cli.Infrastructure;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref mesh up`: the four services and the gateway as local processes until Ctrl-C.</summary>
internal static class MeshCommand
{
    public static Command Create(CliEnvironment env)
    {
        var repo = new Option<string?>("--repo") { Description = "Model repository root passed to every service (Models:Root), e.g. models/." };
        var port = new Option<int>("--port") { Description = "The gateway's public port (0 picks a free one).", DefaultValueFactory = _ => 8080 };
        var bin = new Option<string?>("--bin") { Description = $"Folder with the built service dlls (default: the repository build output; also ${MeshBinaries.EnvironmentVariable})." };
        var timeout = new Option<double>("--ready-timeout") { Description = "Seconds to wait for every process to report SERVING.", DefaultValueFactory = _ => 180 };
        var up = new Command("up", "Start the captioner, text-cue, audio-encoder and segmentation services and the gateway on loopback; stop them on Ctrl-C.")
        {
            repo, port, bin, timeout,
        };
        up.SetAction((result, ct) => CommandErrors.RunAsync(env, async () =>
        {
            var options = new MeshLaunchOptions
            {
                ModelRepository = result.GetValue(repo),
                GatewayPort = result.GetValue(port),
                BinRoot = result.GetValue(bin),
                ReadyTimeout = TimeSpan.FromSeconds(result.GetValue(timeout)),
            };
            await using var mesh = await MeshProcesses.StartAsync(options, line => env.Console.MarkupLineInterpolated($"[grey]{line}[/]"), ct);
            PrintEndpoints(env, mesh);
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                env.Console.MarkupLine("stopping the mesh");
            }

            return 0;
        }));
        return new Command("mesh", "Run the gRPC service mesh locally.") { up };
    }

    private static void PrintEndpoints(CliEnvironment env, MeshProcesses mesh)
    {
        var table = new Table().AddColumn("process").AddColumn("address");
        foreach (var (name, address) in mesh.Endpoints)
        {
            table.AddRow(name, address.ToString());
        }

        env.Console.Write(table);
        env.Console.MarkupLineInterpolated($"gateway: [green]{mesh.Gateway}[/] (gRPC with prior knowledge, and POST {mesh.Gateway}v1/segment for JSON). Ctrl-C stops everything.");
    }
}
