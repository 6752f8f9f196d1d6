using System.Text.Json;
using System.Text.RegularExpressions;
using SegPref.Contracts.Mesh;

namespace SegPref.Mesh.Tests.Contracts;

/// <summary>The ports written for deployment (the gateway's appsettings.json, k8s/base) are MeshPorts' own.</summary>
public sealed partial class MeshPortsTests
{
    private static readonly Dictionary<string, int> Services = new()
    {
        ["captioner"] = MeshPorts.Captioner,
        ["textcues"] = MeshPorts.TextCues,
        ["audio"] = MeshPorts.AudioEncoder,
        ["segmentation"] = MeshPorts.Segmentation,
    };

    [Fact]
    public void GatewayAppSettings_Destinations_UseMeshPorts()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "gateway", "SegPref.Gateway", "appsettings.json")));
        var clusters = json.RootElement.GetProperty("ReverseProxy").GetProperty("Clusters");

        // The segmentation service is two clusters at the gateway (its Segmenter and its Pipeline).
        var clusterPorts = Services.Where(s => s.Key != "segmentation")
            .Append(new("segmenter", MeshPorts.Segmentation))
            .Append(new("pipeline", MeshPorts.Segmentation));
        foreach (var (cluster, port) in clusterPorts)
        {
            var address = new Uri(clusters.GetProperty(cluster).GetProperty("Destinations").GetProperty("d1").GetProperty("Address").GetString()!);
            Assert.Equal(port, address.Port);
        }
    }

    [Fact]
    public void KubernetesBase_EveryPortAndStageAddress_IsAMeshPort()
    {
        foreach (var (service, port) in Services.Append(new("gateway", MeshPorts.Gateway)))
        {
            var yaml = File.ReadAllText(Path.Combine(Root, "k8s", "base", $"{service}.yaml"));

            Assert.Contains($"containerPort: {port}", yaml, StringComparison.Ordinal);
            foreach (Match m in Port().Matches(yaml))
            {
                var (host, value) = (m.Groups["host"].Value, int.Parse(m.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture));
                var expected = host.Length > 0 ? Services[host.Replace("segpref-", string.Empty, StringComparison.Ordinal)] : port;
                Assert.True(expected == value, $"{service}.yaml: {m.Value} should use port {expected}.");
            }
        }
    }

    private static string Root { get; } = Path.GetDirectoryName(EndToEnd.OnnxMeshFixture.RepositoryRoot)!;

    // "port: 5101", "containerPort: 5101", prometheus.io/port: "5101", value: "5101", and "http://segpref-audio:5103" (host group set).
    [GeneratedRegex(@"(?:[Pp]ort:\s*""?|value:\s*""|http://(?<host>segpref-[a-z]+):)(?<port>\d{4})")]
    private static partial Regex Port();
}
