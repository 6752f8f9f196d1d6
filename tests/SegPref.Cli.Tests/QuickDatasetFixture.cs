namespace SegPref.Cli.Tests;

/// <summary>One quick-preset AVS-Synth dataset, generated through `segpref synth`, shared by the command tests.</summary>
public sealed class QuickDatasetFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new();

    public string Root => _dir["data"];

    public string SynthOutput { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var (exit, output) = await CliRunner.RunAsync("synth", "--out", Root, "--preset", "quick", "--seed", "3");
        SynthOutput = output;
        Assert.True(exit == 0, output);
    }

    public ValueTask DisposeAsync()
    {
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}
