namespace SegPref.Mesh.Launcher.Tests;

public sealed class ModelSelectionTests
{
    private static readonly string Repository = RepositoryRoot.Models;

    [Theory]
    [InlineData("segmenter=audio-only", "segmenter", "audio-only", null)]
    [InlineData("segmenter=teso/6", "segmenter", "teso", "6")]
    [InlineData("captioner=captioner/2", "captioner", "captioner", "2")]
    public void Parse_RoleNameVersion_Splits(string text, string role, string name, string? version)
    {
        Assert.Equal(new ModelSelection(role, name, version), ModelSelection.Parse(text));
    }

    [Theory]
    [InlineData("segmenter", "expected ROLE=NAME")]
    [InlineData("=teso", "expected ROLE=NAME")]
    [InlineData("segmenter=teso/", "expected ROLE=NAME")]
    [InlineData("detector=yolo", "unknown role 'detector'; roles are captioner, cue-encoder, audio-encoder, segmenter")]
    public void Parse_Malformed_NamesTheProblem(string text, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => ModelSelection.Parse(text));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EntriesOfTheCommittedRepository_Pass()
    {
        ModelSelection.Parse("segmenter=audio-only").Check(Repository);
        ModelSelection.Parse("segmenter=teso/11").Check(Repository);
        ModelSelection.Parse("audio-encoder=audio-encoder/3").Check(Repository);
    }

    [Theory]
    [InlineData("segmenter=no-such-model", "model 'no-such-model' not found")]
    [InlineData("segmenter=teso/99", "version '99' of model 'teso' not found")]
    [InlineData("segmenter=captioner", "a segmenter was asked for")]
    public void Check_MissingOrWrongEntry_NamesIt(string text, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => ModelSelection.Parse(text).Check(Repository));

        Assert.StartsWith($"--model {text}: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_UnknownEntry_FailsBeforeAnyProcessStarts()
    {
        var options = new MeshLaunchOptions { ModelRepository = Repository, GatewayPort = 0, Models = [ModelSelection.Parse("segmenter=no-such-model")] };
        var log = new List<string>();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => LocalMesh.StartAsync(options, log.Add, TestContext.Current.CancellationToken));

        Assert.Contains("no-such-model", ex.Message, StringComparison.Ordinal);
        Assert.Empty(log);
    }

    [Fact]
    public async Task StartAsync_PublicWithoutKeys_Refused()
    {
        var options = new MeshLaunchOptions { ModelRepository = Repository, GatewayPort = 0, Public = true };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => LocalMesh.StartAsync(options, _ => { }, TestContext.Current.CancellationToken));

        Assert.Contains("--public needs --api-key-file", ex.Message, StringComparison.Ordinal);
    }
}
