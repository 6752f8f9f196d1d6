using SegPref.Avs.Original;
using SegPref.Avs.Tests.Avss;

namespace SegPref.Avs.Tests.Original;

public sealed class AvsBenchDatasetTests : IDisposable
{
    private readonly DatasetTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Open_S4_ReadsClipsWithTrainFrameOneMaskOnly()
    {
        // Columns deliberately out of the usual order.
        _tree.Write("s4_meta_data.csv", "split,category,video_name,start_time\ntrain,dog,v1,3\ntest,cello,v2,0\n");
        WriteS4Clip("train", "dog", "v1", masks: [1]);
        WriteS4Clip("test", "cello", "v2", masks: [1, 2, 3, 4, 5]);

        var ds = AvsBenchDataset.Open(_tree.Root, AvsBenchSubset.S4);
        var clips = ds.Clips().ToList();

        Assert.Equal([new AvsBenchMetaRow("v1", "train", "dog", "3"), new AvsBenchMetaRow("v2", "test", "cello", "0")], ds.Rows);
        var train = clips[0];
        Assert.Equal(["v1_1.png", "v1_2.png", "v1_3.png", "v1_4.png", "v1_5.png"], train.FramePaths.Select(Path.GetFileName));
        Assert.Equal(_tree.PathOf("visual_frames/train/dog/v1"), train.Dir);
        Assert.Equal([_tree.PathOf("gt_masks/train/dog/v1/v1_1.png"), null, null, null, null], train.MaskPaths);
        Assert.Equal(_tree.PathOf("audio_wav/train/dog/v1.wav"), train.AudioPath);
        Assert.Equal(("v1", "train", "dog"), (train.Uid, train.Split, train.Category));
        Assert.Equal(5, clips[1].AnnotatedFrameCount);
        Assert.Equal(["v2"], ds.Clips("test").Select(c => c.Uid));
    }

    [Fact]
    public void Open_Ms3OfficialFrameLayout_FindsFramesWithoutSplitLevel()
    {
        _tree.Write("ms3_meta_data.csv", "video_name,split\nm1,train\n");
        for (var k = 1; k <= 5; k++)
        {
            _tree.Write($"visual_frames/m1/m1.mp4_{k}.png");
            _tree.Write($"gt_masks/train/m1/m1_{k}.png");
        }

        _tree.Write("audio_wav/train/m1.wav");

        var clip = Assert.Single(AvsBenchDataset.Open(_tree.Root, AvsBenchSubset.Ms3).Clips());

        Assert.Equal(_tree.PathOf("visual_frames/m1/m1.mp4_3.png"), clip.FramePaths[2]);
        Assert.Equal(5, clip.AnnotatedFrameCount);
        Assert.Null(clip.Category);
    }

    [Fact]
    public void Open_Ms3SplitFrameLayout_FindsFrames()
    {
        _tree.Write("ms3_meta_data.csv", "video_name,split\nm1,val\n");
        for (var k = 1; k <= 5; k++)
        {
            _tree.Write($"visual_frames/val/m1/m1_{k}.png");
            _tree.Write($"gt_masks/val/m1/m1_{k}.png");
        }

        _tree.Write("audio_wav/val/m1.wav");

        var clip = Assert.Single(AvsBenchDataset.Open(_tree.Root, AvsBenchSubset.Ms3).Clips());

        Assert.Equal(_tree.PathOf("visual_frames/val/m1/m1_5.png"), clip.FramePaths[4]);
    }

    [Theory]
    [InlineData("visual_frames/test/cello/v2/v2_3.png")]
    [InlineData("visual_frames/test/cello/v2/v2_1.png")]
    [InlineData("gt_masks/test/cello/v2/v2_4.png")]
    [InlineData("audio_wav/test/cello/v2.wav")]
    public void LoadClip_MissingFile_ThrowsNamingIt(string file)
    {
        _tree.Write("s4_meta_data.csv", "video_name,category,split\nv2,cello,test\n");
        WriteS4Clip("test", "cello", "v2", masks: [1, 2, 3, 4, 5]);
        _tree.Delete(file);
        var ds = AvsBenchDataset.Open(_tree.Root, AvsBenchSubset.S4);

        var ex = Assert.Throws<InvalidDataException>(() => ds.LoadClip(ds.Rows[0]));

        Assert.Contains(_tree.PathOf(file), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingMetadata_ThrowsNamingIt()
    {
        var ex = Assert.Throws<InvalidDataException>(() => AvsBenchDataset.Open(_tree.Root, AvsBenchSubset.Ms3));

        Assert.Contains(_tree.PathOf("ms3_meta_data.csv"), ex.Message, StringComparison.Ordinal);
    }

    private void WriteS4Clip(string split, string category, string video, int[] masks)
    {
        for (var k = 1; k <= 5; k++)
        {
            _tree.Write($"visual_frames/{split}/{category}/{video}/{video}_{k}.png");
        }

        foreach (var k in masks)
        {
            _tree.Write($"gt_masks/{split}/{category}/{video}/{video}_{k}.png");
        }

        _tree.Write($"audio_wav/{split}/{category}/{video}.wav");
    }
}
