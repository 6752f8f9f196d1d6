using SegPref.Avs.Original;
using SegPref.Avs.Tests.Avss;

namespace SegPref.Avs.Tests.Original;

public sealed class AvsBenchMetadataTests : IDisposable
{
    private readonly DatasetTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Read_UnknownNameHeader_FallsBackToFirstColumn()
    {
        var path = _tree.Write("ms3_meta_data.csv", "clip,split\r\nm1,test\r\n\r\n");

        var rows = AvsBenchMetadata.Read(path, AvsBenchSubset.Ms3);

        Assert.Equal([new AvsBenchMetaRow("m1", "test", null, null)], rows);
    }

    [Theory]
    [InlineData("video_name,split\nv1,train\n", "category")]
    [InlineData("video_name,category\nv1,dog\n", "split")]
    [InlineData("video_name,category,split\nv1,dog\n", "line 2")]
    [InlineData("video_name,category,split\nv1,,train\n", "line 2")]
    [InlineData("video_name,category,split\n../v1,dog,train\n", "line 2")]
    [InlineData("", "empty")]
    public void Read_MalformedS4_ThrowsNamingFileAndProblem(string csv, string problem)
    {
        var path = _tree.Write("s4_meta_data.csv", csv);

        var ex = Assert.Throws<InvalidDataException>(() => AvsBenchMetadata.Read(path, AvsBenchSubset.S4));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }
}
