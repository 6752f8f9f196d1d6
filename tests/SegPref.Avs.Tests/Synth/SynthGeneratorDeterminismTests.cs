using System.Security.Cryptography;
using SegPref.Avs.Synth;

namespace SegPref.Avs.Tests.Synth;

public sealed class SynthGeneratorDeterminismTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "segpref-synth-det-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Generate_SameSeedTwice_IdenticalBytesAndOtherSeedDiffers()
    {
        var config = SynthConfig.Quick with { FrameSizePx = 32, TrainClips = 4, ValClips = 2, TestClips = 2, TestCounterClips = 2 };

        var first = HashTree(Generate("a", config));
        var second = HashTree(Generate("b", config));
        var other = HashTree(Generate("c", config with { Seed = config.Seed + 1 }));

        Assert.Equal(first, second);
        Assert.Equal(first.Keys, other.Keys);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Generate_MoreClips_EarlierClipsUnchanged()
    {
        var small = SynthConfig.Quick with { FrameSizePx = 32, FramesPerClip = 2, TrainClips = 3, ValClips = 1, TestClips = 1, TestCounterClips = 1 };
        var large = small with { TrainClips = 5, ValClips = 2 };

        var a = HashTree(Generate("small", small));
        var b = HashTree(Generate("large", large));

        var clipFiles = a.Where(kv => kv.Key.StartsWith("synth" + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
        Assert.Equal(6 * ((2 * 2) + 3), clipFiles.Count);
        foreach (var (path, hash) in clipFiles)
        {
            Assert.Equal(hash, b[path]);
        }
    }

    [Fact]
    public void Generate_ProgressAndCancellation_ReportsAllClipsAndStopsWhenCancelled()
    {
        var config = SynthConfig.Quick with { TrainClips = 4, ValClips = 1, TestClips = 1, TestCounterClips = 1 };
        var reports = new List<SynthProgress>();
        SynthGenerator.Generate(Path.Combine(_root, "p"), config, new SyncProgress(reports.Add), TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Equal(7, reports.Count);
        Assert.Equal(7, reports.Max(r => r.ClipsDone));
        Assert.All(reports, r => Assert.Equal(7, r.ClipsTotal));
        Assert.ThrowsAny<OperationCanceledException>(() => SynthGenerator.Generate(Path.Combine(_root, "x"), config, null, cts.Token));
    }

    [Fact]
    public void Generate_InvalidConfig_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => SynthGenerator.Generate(Path.Combine(_root, "bad"), SynthConfig.Quick with { FramesPerClip = 0 }, null, TestContext.Current.CancellationToken));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string Generate(string name, SynthConfig config)
    {
        var root = Path.Combine(_root, name);
        SynthGenerator.Generate(root, config, null, TestContext.Current.CancellationToken);
        return root;
    }

    private static Dictionary<string, string> HashTree(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    private sealed class SyncProgress(Action<SynthProgress> report) : IProgress<SynthProgress>
    {
        private readonly Lock _gate = new();

        public void Report(SynthProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
