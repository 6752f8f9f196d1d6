using SegPref.Avs.Avss;

namespace SegPref.Avs.Tests.Avss;

public sealed class AvssMetadataTests : IDisposable
{
    private readonly DatasetTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void WriteThenRead_FieldsNeedingQuotes_RoundTrip()
    {
        var path = _tree.PathOf("metadata.csv");
        AvssMetadataRow[] rows =
        [
            new("vid,1", "u1", 1, 30, "guitar, \"lead\" man", "train", "v1s"),
            new("vid2", "u2", 0, 0, "line1\nline2", "test-counter", "synth"),
            new("vid3", "u3", 12, 5, "", "val", "v2"),
        ];

        AvssMetadata.Write(path, rows);

        Assert.Equal(rows, AvssMetadata.Read(path));
        Assert.StartsWith(AvssLayout.MetadataHeader + "\n", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ColumnsInAnyOrderAndFloatIntegers_ParsesByHeaderName()
    {
        var path = _tree.Write("metadata.csv", "label,split,a_obj,s_sec,s_min,uid,vid\r\nv2,train,dog,12.0,3,u9,abc\r\n");

        var row = Assert.Single(AvssMetadata.Read(path));

        Assert.Equal(new AvssMetadataRow("abc", "u9", 3, 12, "dog", "train", "v2"), row);
    }

    [Theory]
    [InlineData("vid,uid,s_min,s_sec,a_obj,split\nv,u,0,0,dog,train\n", "label")]
    [InlineData("vid,uid,s_min,s_sec,a_obj,split,label\nv,u,0,0,dog,train\n", "line 2")]
    [InlineData("vid,uid,s_min,s_sec,a_obj,split,label\nv,u,0,0,dog,train,v1s\nv,u2,x,0,dog,train,v1s\n", "line 3")]
    [InlineData("vid,uid,s_min,s_sec,a_obj,split,label\nv,u,1.5,0,dog,train,v1s\n", "s_min")]
    [InlineData("vid,uid,s_min,s_sec,a_obj,split,label\nv,u,0,0,\"dog,train,v1s\n", "unterminated")]
    [InlineData("", "empty")]
    public void Read_BadFile_ThrowsNamingFileAndProblem(string csv, string problem)
    {
        var path = _tree.Write("metadata.csv", csv);

        var ex = Assert.Throws<InvalidDataException>(() => AvssMetadata.Read(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_ThrowsNamingIt()
    {
        var path = _tree.PathOf("metadata.csv");

        var ex = Assert.Throws<InvalidDataException>(() => AvssMetadata.Read(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }
}
