using SegPref.Avs.Avss;
using SegPref.Avs.Synth;

namespace SegPref.Avs.Tests.Avss;

public sealed class AvssDatasetTests : IDisposable
{
    private static readonly AvssMetadataRow Train = AvssTreeBuilder.Row("u1", "train", "v1s");
    private static readonly AvssMetadataRow Test = AvssTreeBuilder.Row("u2", "test", "v2");
    private readonly DatasetTree _tree = new();

    public AvssDatasetTests()
    {
        AvssTreeBuilder.WriteRoot(_tree, Train, Test);
        AvssTreeBuilder.WriteClip(_tree, Train, frames: [0, 1, 2, 9, 10], masks: [0, 10]);
        AvssTreeBuilder.WriteClip(_tree, Test, frames: [0, 1], masks: [0, 1], ext: ".png");
    }

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Open_ValidTree_ReadsRowsAndLabelIndex()
    {
        var ds = AvssDataset.Open(_tree.Root);

        Assert.Equal([Train, Test], ds.Rows);
        Assert.Equal(71, ds.Label2Idx.Count);
        Assert.Equal(29, ds.Label2Idx["guitar"]);
    }

    [Fact]
    public void LoadClip_FramesSortedNumericallyWithNullableMasks()
    {
        var clip = AvssDataset.Open(_tree.Root).LoadClip(Train);

        Assert.Equal([0, 1, 2, 9, 10], clip.FrameIndices);
        Assert.Equal(["0.jpg", "1.jpg", "2.jpg", "9.jpg", "10.jpg"], clip.FramePaths.Select(Path.GetFileName));
        Assert.Equal(["0.png", null, null, null, "10.png"], clip.MaskPaths.Select(p => p is null ? null : Path.GetFileName(p)));
        Assert.Equal(2, clip.AnnotatedFrameCount);
        Assert.Equal(_tree.PathOf("v1s/u1/audio.wav"), clip.AudioPath);
        Assert.Equal(_tree.PathOf("v1s/u1"), clip.Dir);
        Assert.Equal(("u1", "train", "v1s"), (clip.Uid, clip.Split, clip.Label));
        Assert.Null(clip.Synth);
    }

    [Fact]
    public void Clips_FilterBySplitAndLabel()
    {
        var ds = AvssDataset.Open(_tree.Root);

        Assert.Equal(["u1", "u2"], ds.Clips().Select(c => c.Uid));
        Assert.Equal(["u2"], ds.Clips(split: "test").Select(c => c.Uid));
        Assert.Equal(["u1"], ds.Clips(label: "v1s").Select(c => c.Uid));
        Assert.Empty(ds.Clips(split: "test", label: "v1s"));
    }

    [Fact]
    public void LoadClip_WithSynthJson_ParsesIt()
    {
        var info = new SynthClipInfo("u2", "test", [new SynthFrameInfo(0, "a guitar", ["guitar", "None", "None", "None"], [])]);
        _tree.Write("v2/u2/synth.json", info.ToJson());

        var clip = AvssDataset.Open(_tree.Root).LoadClip(Test);

        Assert.NotNull(clip.Synth);
        Assert.Equal("a guitar", clip.Synth.Frames[0].Description);
    }

    [Fact]
    public void LoadClip_SynthJsonOfAnotherClip_ThrowsNamingIt()
    {
        _tree.Write("v2/u2/synth.json", new SynthClipInfo("other", "test", []).ToJson());

        AssertNames("v2/u2/synth.json", () => AvssDataset.Open(_tree.Root).LoadClip(Test));
    }

    [Theory]
    [InlineData("metadata.csv")]
    [InlineData("label2idx.json")]
    public void Open_MissingRootFile_ThrowsNamingIt(string file)
    {
        _tree.Delete(file);

        AssertNames(file, () => AvssDataset.Open(_tree.Root));
    }

    [Fact]
    public void Open_MissingRoot_Throws()
    {
        Assert.Throws<InvalidDataException>(() => AvssDataset.Open(_tree.PathOf("nope")));
    }

    [Fact]
    public void Open_DuplicateUid_ThrowsNamingMetadata()
    {
        AvssTreeBuilder.WriteRoot(_tree, Train, Train);

        var ex = AssertNames("metadata.csv", () => AvssDataset.Open(_tree.Root));
        Assert.Contains("u1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clips_MissingClipFolder_ThrowsNamingIt()
    {
        AvssTreeBuilder.WriteRoot(_tree, Train, Test, AvssTreeBuilder.Row("u3", "val", "v1m"));
        var ds = AvssDataset.Open(_tree.Root);

        AssertNames(Path.Combine("v1m", "u3"), () => ds.Clips(split: "val").Count());
    }

    [Fact]
    public void LoadClip_MissingAudio_ThrowsNamingIt()
    {
        _tree.Delete("v1s/u1/audio.wav");

        AssertNames("v1s/u1/audio.wav", () => AvssDataset.Open(_tree.Root).LoadClip(Train));
    }

    [Fact]
    public void LoadClip_NoFrames_ThrowsNamingFramesFolder()
    {
        var extra = AvssTreeBuilder.Row("u3", "val", "v1m");
        AvssTreeBuilder.WriteRoot(_tree, Train, Test, extra);
        AvssTreeBuilder.WriteClip(_tree, extra, frames: [], masks: []);

        AssertNames("v1m/u3/frames", () => AvssDataset.Open(_tree.Root).LoadClip(extra));
    }

    [Theory]
    [InlineData("v1s/u1/frames/first.jpg")]
    [InlineData("v1s/u1/frames/1.png")]
    [InlineData("v1s/u1/labels_rgb/5.png")]
    public void LoadClip_MisnamedDuplicateOrOrphanFile_ThrowsNamingIt(string file)
    {
        _tree.Write(file);

        AssertNames(file, () => AvssDataset.Open(_tree.Root).LoadClip(Train));
    }

    [Fact]
    public void LoadClip_UidEscapingRoot_Throws()
    {
        var ds = AvssDataset.Open(_tree.Root);

        Assert.Throws<InvalidDataException>(() => ds.LoadClip(Train with { Uid = ".." }));
    }

    private InvalidDataException AssertNames(string relative, Func<object> act)
    {
        var ex = Assert.Throws<InvalidDataException>(act);
        Assert.Contains(_tree.PathOf(relative), ex.Message, StringComparison.Ordinal);
        return ex;
    }
}
