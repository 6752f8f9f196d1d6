using System.Text.Json;

namespace SegPref.Cli.Tests;

public sealed class CuesCommandTests
{
    [Fact]
    public async Task Cues_Json_PrintsAvssNamesWithoutPadding()
    {
        var (exit, output) = await CliRunner.RunAsync("cues", "a lady plays the guitar next to a puppy", "--json");

        Assert.True(exit == 0, output);
        var cues = JsonDocument.Parse(output).RootElement.GetProperty("cues").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("woman", cues);
        Assert.Contains("guitar", cues);
        Assert.Contains("dog", cues);
        Assert.DoesNotContain("None", cues);
    }

    [Fact]
    public async Task Cues_NoSoundingObject_PrintsAllPaddingOrEmptyJson()
    {
        var (exit, output) = await CliRunner.RunAsync("cues", "an empty wooden table");
        var (jsonExit, json) = await CliRunner.RunAsync("cues", "an empty wooden table", "--json");

        Assert.Equal(0, exit);
        Assert.Equal("None,None,None,None", output.Trim());
        Assert.Equal(0, jsonExit);
        Assert.Equal(0, JsonDocument.Parse(json).RootElement.GetProperty("cues").GetArrayLength());
    }

    [Fact]
    public async Task Cues_OpenAiWithoutModel_FailsNamingTheSetting()
    {
        var (exit, output) = await CliRunner.RunAsync("cues", "a dog", "--backend", "openai");

        Assert.Equal(1, exit);
        Assert.Contains("Model is empty", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cues_OpenAiServerUnreachable_FailsWithBackendError()
    {
        var (exit, output) = await CliRunner.RunAsync("cues", "a dog", "--backend", "openai", "--base-url", "http://127.0.0.1:9", "--model", "m", "--timeout", "5");

        Assert.Equal(1, exit);
        Assert.Contains("openai backend", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cues_UnknownBackend_IsRejected()
    {
        var (exit, _) = await CliRunner.RunAsync("cues", "a dog", "--backend", "gpt");

        Assert.NotEqual(0, exit);
    }
}
