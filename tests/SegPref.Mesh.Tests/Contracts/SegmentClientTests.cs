using SegPref.Contracts.Clients;
using SegPref.Mesh.Tests.Infrastructure;

namespace SegPref.Mesh.Tests.Contracts;

[Collection(MeshGroup.Name)]
public sealed class SegmentClientTests(MeshFixture mesh)
{
    [Fact]
    public async Task SegmentAsync_FramesAndWavThroughGateway_ReturnsOneResultPerFrame()
    {
        using var client = new SegmentClient(mesh.Gateway.Address);
        var options = new SegmentClientOptions { AudioReliance = false, IncludeProbability = true };

        var reply = await client.SegmentAsync(TestClip.Frames(3), TestClip.StereoWav(3), options, TestContext.Current.CancellationToken);

        Assert.Equal([0, 1, 2], reply.Frames.Select(f => f.Index));
        Assert.All(reply.Frames, f => Assert.False(f.Mask.ProbabilityPng.IsEmpty));
        Assert.All(reply.Frames, f => Assert.False(f.HasAudioReliance));
    }

    [Fact]
    public void BuildRequest_PngFrames_SetsFormatAndOptions()
    {
        var request = SegmentClient.BuildRequest(TestClip.Frames(2), TestClip.StereoWav(1), new SegmentClientOptions());

        Assert.All(request.Frames, f => Assert.Equal("png", f.Format));
        Assert.True(request.AudioReliance);
        Assert.False(request.Audio.Wav.IsEmpty);
    }

    [Fact]
    public void BuildRequest_EmptyFrame_Throws()
    {
        Assert.Throws<ArgumentException>(() => SegmentClient.BuildRequest([TestClip.Frames(1)[0], []], TestClip.StereoWav(1), new SegmentClientOptions()));
    }
}
