using SegPref.Avs.Avss;
using SegPref.Avs.Synth;
using SegPref.Mesh.Tests.Infrastructure;

namespace SegPref.Mesh.Tests.EndToEnd;

/// <summary>
/// The four services and the gateway on loopback ports serving the committed ONNX model repository (models/) through
/// their real registration path (Models:Root, no factories), plus one real AVS-Synth clip (64 px, 5 frames).
/// </summary>
public sealed class OnnxMeshFixture : IAsyncLifetime
{
    private readonly MeshFixture _hosts = new();
    private readonly string _data = Directory.CreateTempSubdirectory("segpref-onnx-mesh-").FullName;

    public static string RepositoryRoot { get; } = FindModels();

    internal ServiceHost Gateway => _hosts.Gateway;

    public IReadOnlyList<byte[]> Frames { get; private set; } = [];

    public byte[] Wav { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var config = SynthConfig.Quick with { FrameSizePx = 64, FramesPerClip = 5, TrainClips = 1, ValClips = 1, TestClips = 2, TestCounterClips = 1 };
        SynthGenerator.Generate(_data, config);
        var clip = AvssDataset.Open(_data).Clips("test").First();
        Frames = [.. clip.FramePaths.Select(File.ReadAllBytes)];
        Wav = await File.ReadAllBytesAsync(clip.AudioPath);

        await _hosts.StartAllAsync(Settings(), models: null);
        foreach (var host in new[] { _hosts.Captioner, _hosts.TextCues, _hosts.Audio, _hosts.Segmentation })
        {
            Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, await MeshFixture.WaitServingAsync(host.Address));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _hosts.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    /// <summary>The services' settings: the committed repository on the CPU, one thread per session.</summary>
    internal static Dictionary<string, string?> Settings() => new()
    {
        ["Service:Port"] = "0",
        ["Telemetry:Exporter"] = "none",
        ["Models:Root"] = RepositoryRoot,
        ["Models:Provider"] = "Cpu",
        ["Models:IntraOpThreads"] = "1",
    };

    private static string FindModels()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SegPref.Mesh.sln")))
            {
                return Path.Combine(dir.FullName, "models");
            }
        }

        throw new DirectoryNotFoundException($"No SegPref.Mesh.sln above {AppContext.BaseDirectory}: cannot find the models/ repository.");
    }
}
