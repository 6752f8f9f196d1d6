using Grpc.Core;
using Grpc.Net.Client;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Contracts.TextCues.V1;
using SegPref.Cues.Tests.OpenAi;
using SegPref.Mesh.Tests.Infrastructure;
using SegPref.TextCues.Service;

namespace SegPref.Mesh.Tests.Reliability;

/// <summary>
/// The text-cue service on its OpenAI-compatible backend (the llm overlay) when the model server is down: against the
/// fake chat-completions server (the real protocol) answering HTTP 500, and against a port nothing listens on.
/// </summary>
[Collection(MeshGroup.Name)]
public sealed class TextCueLlmDownTests(MeshFixture mesh)
{
    [Fact]
    public async Task Extract_LlmAnswers500WithoutFallback_UnavailableNamingTheBackend()
    {
        await using var llm = await FakeChatCompletionsServer.StartAsync();
        llm.Mode = FakeReplyMode.ServerError;
        await using var textcues = await StartTextCuesAsync(llm.BaseUrl, fallback: null);
        using var channel = GrpcChannel.ForAddress(textcues.Address);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new SegPref.Contracts.TextCues.V1.TextCues.TextCuesClient(channel)
            .ExtractAsync(Request("a man playing a guitar"), deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.StartsWith("text-cue backend 'openai' failed", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("500", ex.Status.Detail, StringComparison.Ordinal);
        Assert.NotEmpty(llm.Requests);
    }

    [Fact]
    public async Task Extract_LlmUnreachableWithLexiconFallback_LexiconCuesFlaggedInTheReply()
    {
        var nothing = await UnusedAddressAsync();
        await using var textcues = await StartTextCuesAsync(nothing, fallback: "lexicon");
        using var channel = GrpcChannel.ForAddress(textcues.Address);

        var reply = await new SegPref.Contracts.TextCues.V1.TextCues.TextCuesClient(channel)
            .ExtractAsync(Request("a man playing a guitar"), deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("lexicon", reply.Backend);
        Assert.StartsWith("text-cue backend 'openai' failed", reply.FallbackReason, StringComparison.Ordinal);
        Assert.Contains("unreachable", reply.FallbackReason, StringComparison.Ordinal);
        Assert.EndsWith("cues from 'lexicon'", reply.FallbackReason, StringComparison.Ordinal);
        Assert.Contains("guitar", reply.Frames[0].Cues);
    }

    [Fact]
    public async Task Extract_LlmAnswersWithFallbackConfigured_NoFallbackFlag()
    {
        await using var llm = await FakeChatCompletionsServer.StartAsync();
        await using var textcues = await StartTextCuesAsync(llm.BaseUrl, fallback: "lexicon");
        using var channel = GrpcChannel.ForAddress(textcues.Address);

        var reply = await new SegPref.Contracts.TextCues.V1.TextCues.TextCuesClient(channel)
            .ExtractAsync(Request("a man playing a guitar"), deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("openai", reply.Backend);
        Assert.Empty(reply.FallbackReason);
        Assert.Contains("guitar", reply.Frames[0].Cues);
    }

    [Fact]
    public async Task Segment_LlmDownWithLexiconFallback_PipelineReplyDegradedNamingTheBackend()
    {
        await using var llm = await FakeChatCompletionsServer.StartAsync();
        llm.Mode = FakeReplyMode.ServerError;
        await using var textcues = await StartTextCuesAsync(llm.BaseUrl, fallback: "lexicon");
        var segmentation = await mesh.StartSegmentationAsync(mesh.Captioner.Address, new Dictionary<string, string?> { ["Pipeline:TextCuesUrl"] = textcues.Address.ToString() });
        using var channel = GrpcChannel.ForAddress(segmentation.Address);

        var reply = await new Pipeline.PipelineClient(channel)
            .SegmentAsync(TestClip.Request(2), deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(reply.Degraded);
        Assert.StartsWith("text-cue backend 'openai' failed", reply.DegradedReason, StringComparison.Ordinal);
        Assert.Equal(2, reply.Frames.Count);
    }

    private static ExtractRequest Request(string description)
    {
        var request = new ExtractRequest();
        request.Descriptions.Add(description);
        return request;
    }

    private static async Task<ServiceHost> StartTextCuesAsync(string llm, string? fallback)
    {
        var settings = MeshFixture.ServiceSettings();
        settings["TextCues:Backend"] = "openai";
        settings["TextCues:OpenAi:BaseUrl"] = llm;
        settings["TextCues:OpenAi:Model"] = FakeChatCompletionsServer.ModelName;
        settings["TextCues:OpenAi:ApiKey"] = FakeChatCompletionsServer.ApiKey;
        settings["TextCues:OpenAi:Timeout"] = "00:00:20";
        settings["TextCues:Fallback"] = fallback;
        var host = await ServiceHost.StartAsync(b => b.AddTextCuesService(), a => a.MapTextCuesService(), settings, MeshFixture.Models());
        await MeshFixture.WaitServingAsync(host.Address);
        return host;
    }

    /// <summary>A loopback address whose port was just free (bound and released): connections there are refused.</summary>
    private static Task<string> UnusedAddressAsync()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return Task.FromResult($"http://127.0.0.1:{port}");
    }
}
