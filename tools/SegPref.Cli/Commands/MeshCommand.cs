using System.CommandLine;
using SegPref.Cli.Infrastructure;
using SegPref.Mesh.Launcher;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref mesh up`: the four services and the gateway as local, supervised processes until Ctrl-C.</summary>
internal static class MeshCommand
{
    public static Command Create(CliEnvironment env)
    {
        var repo = new Option<string?>("--repo") { Description = "Model repository root passed to every service (Models:Root); default: the committed models/ of this checkout, or the copy beside segpref in a build or publish folder." };
        var port = new Option<int>("--port") { Description = "The gateway's public port (0 picks a free one).", DefaultValueFactory = _ => 8080 };
        var bin = new Option<string?>("--bin") { Description = $"Folder with the built service dlls (default: ${MeshBinaries.EnvironmentVariable}, then beside segpref, then the repository build output)." };
        var timeout = new Option<double>("--ready-timeout") { Description = "Seconds to wait for every process to report SERVING.", DefaultValueFactory = _ => 180 };
        var model = new Option<string[]>("--model")
        {
            Description = "ROLE=NAME[/VERSION]: the repository entry a role serves (roles: captioner, cue-encoder, audio-encoder, segmenter), e.g. segmenter=audio-only or segmenter=teso/7. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var replicas = new Option<string[]>("--replicas")
        {
            Description = "SERVICE=COUNT[,SERVICE=COUNT...]: run several processes of a service (captioner, textcues, audio, segmentation), e.g. segmentation=2,audio=2; the gateway and the Pipeline balance each call over them.",
            AllowMultipleArgumentsPerToken = false,
        };
        var keys = new Option<string?>("--api-key-file") { Description = "API keys for the gateway, one \"client key\" (or \"client sha256:HEX\") per line; re-read when it changes. Without it the gateway is open and listens on loopback only." };
        var open = new Option<bool>("--public") { Description = "Let the gateway listen on every interface (needs --api-key-file)." };
        var restarts = new Option<int>("--max-restarts") { Description = "Restarts of one process allowed within 2 minutes before the mesh gives up (0 = never restart).", DefaultValueFactory = _ => 5 };
        var state = new Option<string?>("--state") { Description = "Where to write the mesh's process ids for `segpref bench soak|faults` (default: <temp>/segpref-mesh/gateway-<port>.json)." };
        var up = new Command("up", "Start the captioner, text-cue, audio-encoder and segmentation services and the gateway on loopback, restart any that dies, stop them on Ctrl-C.")
        {
            repo, port, bin, timeout, model, replicas, keys, open, restarts, state,
        };
        up.SetAction((result, ct) => CommandErrors.RunAsync(env, async () =>
        {
            var options = new MeshLaunchOptions
            {
                ModelRepository = result.GetValue(repo) ?? DefaultModelRepository.Resolve(),
                GatewayPort = result.GetValue(port),
                BinRoot = result.GetValue(bin),
                ReadyTimeout = TimeSpan.FromSeconds(result.GetValue(timeout)),
                Models = [.. (result.GetValue(model) ?? []).Select(ModelSelection.Parse)],
                Replicas = MeshReplicas.Parse(result.GetValue(replicas) ?? []),
                ApiKeyFile = result.GetValue(keys),
                Public = result.GetValue(open),
                Restarts = new RestartPolicy { MaxRestarts = result.GetValue(restarts) },
                StateFile = result.GetValue(state),
            };
            await using var mesh = await LocalMesh.StartAsync(options, line => env.Console.MarkupLineInterpolated($"[grey]{line}[/]"), ct);
            PrintEndpoints(env, mesh, options);
            var stopped = Task.Delay(Timeout.Infinite, ct);
            if (await Task.WhenAny(stopped, mesh.Failed) == mesh.Failed)
            {
                env.Console.MarkupLineInterpolated($"[red]error:[/] the mesh gave up: {mesh.Failed.Result.Split(Environment.NewLine)[0]}");
                return 1;
            }

            env.Console.MarkupLine("stopping the mesh");
            return 0;
        }));
        return new Command("mesh", "Run the gRPC service mesh locally.") { up };
    }

    private static void PrintEndpoints(CliEnvironment env, LocalMesh mesh, MeshLaunchOptions options)
    {
        var table = new Table().AddColumn("process").AddColumn("address");
        foreach (var (name, address) in mesh.Endpoints)
        {
            table.AddRow(name, address.ToString());
        }

        env.Console.Write(table);
        env.Console.MarkupLineInterpolated($"models: {Path.GetFullPath(options.ModelRepository!)}");
        env.Console.MarkupLineInterpolated($"gateway: [green]{mesh.Gateway}[/] (gRPC with prior knowledge, POST {mesh.Gateway}v1/segment for JSON, and the web page at {mesh.Gateway}). Ctrl-C stops everything.");
        if (options.ApiKeyFile is null)
        {
            env.Console.MarkupLine("no API keys: the gateway accepts every caller and listens on loopback only (--api-key-file FILE to require keys)");
        }
        else
        {
            env.Console.MarkupLineInterpolated($"API keys required (x-api-key or authorization: Bearer), from {options.ApiKeyFile}");
        }

        env.Console.MarkupLineInterpolated($"process ids for `segpref bench`: {mesh.StatePath}");
    }
}
