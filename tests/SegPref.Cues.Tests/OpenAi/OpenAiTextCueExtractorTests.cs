using System.Net;
using System.Net.Sockets;
using SegPref.Cues.OpenAi;

namespace SegPref.Cues.Tests.OpenAi;

public sealed class OpenAiTextCueExtractorTests : IAsyncLifetime
{
    private const string Description = "a red guitar on the left, a lady in the center and a wooden chair at the bottom right.";

    private FakeChatCompletionsServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeChatCompletionsServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private OpenAiCueOptions Options(string? baseUrl = null) => new()
    {
        BaseUrl = baseUrl ?? _server.BaseUrl,
        Model = FakeChatCompletionsServer.ModelName,
        ApiKey = FakeChatCompletionsServer.ApiKey,
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static async Task<TextCues> ExtractAsync(OpenAiCueOptions options, string description = Description)
    {
        using var extractor = new OpenAiTextCueExtractor(options);
        return await extractor.ExtractAsync(description, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ExtractAsync_ProseThenJson_ReturnsCuesOfTheDescription()
    {
        var cues = await ExtractAsync(Options());

        Assert.Equal(["guitar", "woman"], cues.Cues);
        Assert.Equal(["guitar", "woman", "None", "None"], cues.ToSlots());
    }

    [Fact]
    public async Task ExtractAsync_Request_HasChatCompletionsShape()
    {
        await ExtractAsync(Options());

        var body = Assert.Single(_server.Requests);
        Assert.Equal(FakeChatCompletionsServer.ModelName, (string?)body["model"]);
        Assert.Equal(0.0, (double)body["temperature"]!);
        Assert.Equal(512, (int)body["max_tokens"]!);
        var messages = body["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => (string?)m!["role"]));
        Assert.Contains(Description, (string?)messages[1]!["content"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1")]
    [InlineData("/v1/")]
    [InlineData("/")]
    public async Task ExtractAsync_BaseUrlWithOrWithoutV1_ReachesEndpoint(string suffix)
    {
        var cues = await ExtractAsync(Options(_server.BaseUrl + suffix), "two puppies and a drum kit.");

        Assert.Equal(["dog", "drum"], cues.Cues);
    }

    [Fact]
    public async Task ExtractAsync_FencedObject_ReadsListInsideFence()
    {
        _server.Mode = FakeReplyMode.FencedObject;

        var cues = await ExtractAsync(Options(), "a chopper at the top, but no people.");

        Assert.Equal(["helicopter"], cues.Cues);
    }

    [Fact]
    public async Task ExtractAsync_NoSoundingObjects_ReturnsEmptyCues()
    {
        var cues = await ExtractAsync(Options(), "a table and a lamp.");

        Assert.Empty(cues.Cues);
        Assert.All(cues.ToSlots(), s => Assert.Equal(CueSlots.None, s));
    }

    [Fact]
    public async Task ExtractAsync_ReplyWithoutList_ThrowsMalformedReply()
    {
        _server.Mode = FakeReplyMode.NoList;

        var e = await Assert.ThrowsAsync<CueBackendException>(() => ExtractAsync(Options()));

        Assert.Equal(CueBackendFailure.MalformedReply, e.Failure);
        Assert.Contains("no JSON list", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FakeReplyMode.ServerError, 500, "CUDA out of memory.", "server_error")]
    [InlineData(FakeReplyMode.RateLimited, 429, "Rate limit reached for requests.", "rate_limit_error")]
    public async Task ExtractAsync_ErrorStatus_ThrowsWithStatusAndServerMessage(FakeReplyMode mode, int status, string message, string type)
    {
        _server.Mode = mode;

        var e = await Assert.ThrowsAsync<CueBackendException>(() => ExtractAsync(Options()));

        Assert.Equal(CueBackendFailure.HttpError, e.Failure);
        Assert.Equal(status, e.StatusCode);
        Assert.Equal(message, e.ServerMessage);
        Assert.Equal(type, e.ServerErrorType);
        Assert.Contains($"HTTP {status}: {message}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_WrongApiKey_Throws401()
    {
        var e = await Assert.ThrowsAsync<CueBackendException>(() => ExtractAsync(Options() with { ApiKey = "sk-wrong" }));

        Assert.Equal(401, e.StatusCode);
        Assert.Equal("Incorrect API key provided.", e.ServerMessage);
    }

    [Fact]
    public async Task ExtractAsync_UnknownModel_Throws404NamingModel()
    {
        var e = await Assert.ThrowsAsync<CueBackendException>(() => ExtractAsync(Options() with { Model = "other-model" }));

        Assert.Equal(404, e.StatusCode);
        Assert.Contains("other-model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_SlowServer_ThrowsTimeout()
    {
        _server.Mode = FakeReplyMode.Slow;

        var e = await Assert.ThrowsAsync<CueBackendException>(
            () => ExtractAsync(Options() with { Timeout = TimeSpan.FromMilliseconds(300) }));

        Assert.Equal(CueBackendFailure.Timeout, e.Failure);
        Assert.Contains("timed out after 0.3 s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_CallerCancels_ThrowsOperationCanceled()
    {
        _server.Mode = FakeReplyMode.Slow;
        using var extractor = new OpenAiTextCueExtractor(Options());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        // The caller's own cancellation surfaces as cancellation, not as a backend timeout.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => extractor.ExtractAsync(Description, cancel.Token));
    }

    [Fact]
    public async Task ExtractAsync_NothingListening_ThrowsUnreachable()
    {
        var e = await Assert.ThrowsAsync<CueBackendException>(() => ExtractAsync(Options($"http://127.0.0.1:{ClosedPort()}")));

        Assert.Equal(CueBackendFailure.Unreachable, e.Failure);
        Assert.Contains("unreachable", e.Message, StringComparison.Ordinal);
        Assert.Null(e.StatusCode);
    }

    [Fact]
    public async Task ExtractManyAsync_SeveralDescriptions_KeepsInputOrder()
    {
        using var extractor = new OpenAiTextCueExtractor(Options());
        string[] descriptions = ["a dog.", "a cat and a piano.", "a chair.", "a man, a woman, a baby, a clock and a car."];

        var results = await extractor.ExtractManyAsync(descriptions, maxConcurrency: 3, TestContext.Current.CancellationToken);

        Assert.Equal(["dog", "cat,piano", "", "man,woman,baby,clock"], results.Select(r => string.Join(",", r.Cues)));
        Assert.Equal(4, _server.Requests.Count);
    }

    private static int ClosedPort()
    {
        // Bind to an ephemeral port and release it: nothing listens there afterwards, so connecting is refused.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
