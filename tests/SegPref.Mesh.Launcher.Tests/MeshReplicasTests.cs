namespace SegPref.Mesh.Launcher.Tests;

public sealed class MeshReplicasTests
{
    [Fact]
    public void Parse_CommaSeparatedAndRepeated_CountsPerService()
    {
        var replicas = MeshReplicas.Parse(["segmentation=2,audio=3", "textcues=1"]);

        Assert.Equal(new Dictionary<string, int> { ["segmentation"] = 2, ["audio"] = 3, ["textcues"] = 1 }, replicas);
    }

    [Fact]
    public void Parse_Nothing_Empty()
    {
        Assert.Empty(MeshReplicas.Parse([]));
    }

    [Theory]
    [InlineData("segmentation", "expected SERVICE=COUNT")]
    [InlineData("segmentation=two", "expected SERVICE=COUNT")]
    [InlineData("=2", "expected SERVICE=COUNT")]
    [InlineData("segmentation=-1", "expected SERVICE=COUNT")]
    [InlineData("gateway=2", "unknown service 'gateway'; services are captioner, textcues, audio, segmentation")]
    [InlineData("segmentation=0", "0 is outside 1..8")]
    [InlineData("audio=9", "9 is outside 1..8")]
    [InlineData("audio=2,audio=3", "'audio' is named twice")]
    public void Parse_Malformed_NamesTheProblem(string text, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => MeshReplicas.Parse([text]));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_UnknownServiceInOptions_ThrowsBeforeStarting()
    {
        var options = new MeshLaunchOptions
        {
            ModelRepository = RepositoryRoot.Models,
            GatewayPort = 0,
            Replicas = new Dictionary<string, int> { ["gateway"] = 2 },
        };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => LocalMesh.StartAsync(options, _ => { }, TestContext.Current.CancellationToken));

        Assert.Contains("--replicas: services are captioner, textcues, audio, segmentation", ex.Message, StringComparison.Ordinal);
    }
}
