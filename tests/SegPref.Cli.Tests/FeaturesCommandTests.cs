using SegPref.Media.Audio;
using SegPref.Media.Io;

namespace SegPref.Cli.Tests;

public sealed class FeaturesCommandTests
{
    [Fact]
    public async Task Logmel_StereoWav44k_WritesNpyWithOneExamplePerSecond()
    {
        using var tmp = new TempDir();
        var samples = Enumerable.Range(0, 44100 * 3).Select(i => 0.3f * MathF.Sin(2 * MathF.PI * 1000 * i / 44100f)).ToArray();
        WavFile.Write(tmp["tone.wav"], new AudioClip(samples, 44100));

        var (exit, output) = await CliRunner.RunAsync("features", "logmel", tmp["tone.wav"], "--out", tmp["tone.npy"]);

        Assert.True(exit == 0, output);
        var (data, shape) = NpyFile.ReadFloat32(tmp["tone.npy"]);
        Assert.Equal([3, 96, 64], shape);
        Assert.Equal(3 * 96 * 64, data.Length);
    }

    [Fact]
    public async Task Logmel_Seconds_PadsToRequestedCount()
    {
        using var tmp = new TempDir();
        WavFile.Write(tmp["short.wav"], new AudioClip(new float[16000 * 2], 16000));

        var (exit, _) = await CliRunner.RunAsync("features", "logmel", tmp["short.wav"], "--out", tmp["short.npy"], "--seconds", "5");

        Assert.Equal(0, exit);
        Assert.Equal([5, 96, 64], NpyFile.ReadFloat32(tmp["short.npy"]).Shape);
    }

    [Fact]
    public async Task Logmel_NotAWav_FailsWithMessage()
    {
        using var tmp = new TempDir();
        await File.WriteAllTextAsync(tmp["bad.wav"], "definitely not riff", TestContext.Current.CancellationToken);

        var (exit, output) = await CliRunner.RunAsync("features", "logmel", tmp["bad.wav"], "--out", tmp["bad.npy"]);

        Assert.Equal(1, exit);
        Assert.Contains("bad.wav", output, StringComparison.Ordinal);
        Assert.False(File.Exists(tmp["bad.npy"]));
    }
}
