namespace SegPref.Cli.Tests;

public sealed class BenchCommandTests
{
    [Fact]
    public async Task Logmel_SmallRun_PrintsTableWithRealTimeFactor()
    {
        var (exit, output) = await CliRunner.RunAsync("bench", "logmel", "--seconds", "1", "--repeats", "2", "--rate", "22050");

        Assert.True(exit == 0, output);
        Assert.Contains("x real time", output, StringComparison.Ordinal);
        Assert.Contains("22050 Hz", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logmel_ZeroRepeats_FailsClearly()
    {
        var (exit, output) = await CliRunner.RunAsync("bench", "logmel", "--repeats", "0");

        Assert.Equal(1, exit);
        Assert.Contains("--repeats", output, StringComparison.Ordinal);
    }
}
