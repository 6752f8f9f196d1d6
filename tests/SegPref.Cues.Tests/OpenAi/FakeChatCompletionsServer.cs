using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SegPref.Cues.Tests.OpenAi;

/// <summary>A loopback OpenAI-compatible server (POST /v1/chat/completions) on a free port, with the real request
/// and response JSON shapes. It checks the bearer key and the model, and answers from the description in the user
/// message (see <see cref="FakeChatAnswers"/>), shaped by <see cref="Mode"/>.</summary>
public sealed class FakeChatCompletionsServer : IAsyncDisposable
{
    public const string ModelName = "fake-llm-7b";
    public const string ApiKey = "sk-test-123";

    private readonly WebApplication _app;
    private int _counter;

    private FakeChatCompletionsServer(WebApplication app) => _app = app;

    public static TimeSpan SlowDelay { get; } = TimeSpan.FromSeconds(2);

    public FakeReplyMode Mode { get; set; } = FakeReplyMode.ProseThenJson;

    /// <summary>"http://127.0.0.1:port" (no /v1).</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Request bodies as received, for assertions on the wire format.</summary>
    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    public static async Task<FakeChatCompletionsServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeChatCompletionsServer(app);
        app.MapPost("/v1/chat/completions", (Delegate)server.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {ApiKey}")
        {
            return Error(StatusCodes.Status401Unauthorized, "Incorrect API key provided.", "invalid_request_error");
        }

        var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
        Requests.Enqueue(body);
        var model = (string?)body["model"];
        if (model != ModelName)
        {
            return Error(StatusCodes.Status404NotFound, $"The model `{model}` does not exist.", "invalid_request_error");
        }

        switch (Mode)
        {
            case FakeReplyMode.ServerError:
                return Error(StatusCodes.Status500InternalServerError, "CUDA out of memory.", "server_error");
            case FakeReplyMode.RateLimited:
                return Error(StatusCodes.Status429TooManyRequests, "Rate limit reached for requests.", "rate_limit_error");
            case FakeReplyMode.Slow:
                // Aborted with the client's connection, so a timed-out client does not keep the server busy.
                await Task.Delay(SlowDelay, context.RequestAborted);
                break;
        }

        var content = FakeChatAnswers.Answer(Mode, FakeChatAnswers.Description(body));
        return Results.Json(Completion(model!, content, body));
    }

    private JsonObject Completion(string model, string content, JsonObject request)
    {
        var promptTokens = request.ToJsonString().Split(' ').Length;
        var completionTokens = content.Split(' ').Length;
        return new JsonObject
        {
            ["id"] = $"chatcmpl-{Interlocked.Increment(ref _counter)}",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = completionTokens,
                ["total_tokens"] = promptTokens + completionTokens,
            },
        };
    }

    private static IResult Error(int status, string message, string type) => Results.Json(
        new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = null } },
        statusCode: status);
}
