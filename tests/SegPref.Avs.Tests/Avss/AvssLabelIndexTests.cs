using System.Text.Json;
using SegPref.Avs.Avss;

namespace SegPref.Avs.Tests.Avss;

public sealed class AvssLabelIndexTests : IDisposable
{
    private readonly DatasetTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Read_StandardFile_MapsNamesToOneBasedIndices()
    {
        var path = _tree.Write("label2idx.json", JsonSerializer.Serialize(AvssClasses.Label2Idx()));

        var map = AvssLabelIndex.Read(path);

        Assert.Equal(1, map["background"]);
        Assert.Equal(71, map["woman"]);
    }

    [Theory]
    [InlineData("{\"background\": 2}", "background")]
    [InlineData("{\"spoon\": 1}", "spoon")]
    [InlineData("{\"background\": 1}", "missing")]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("null", "null")]
    public void Read_BadContent_ThrowsNamingFileAndProblem(string json, string problem)
    {
        var path = _tree.Write("label2idx.json", json);

        var ex = Assert.Throws<InvalidDataException>(() => AvssLabelIndex.Read(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }
}
