using System.Text.Json;
using System.Text.Json.Nodes;
using SegPref.Models.Training;

namespace SegPref.Models.Tests.Training;

public sealed class TrainingRunFolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("run-folder-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void CheckStart_EmptyFolderWithOrWithoutResume_Passes()
    {
        TrainingRunFolder.CheckStart(_dir, resume: false, "weights.bin");
        TrainingRunFolder.CheckStart(Path.Combine(_dir, "missing"), resume: true, "weights.bin");
    }

    [Theory]
    [InlineData("state.json")]
    [InlineData("weights.bin")]
    public void CheckStart_FolderHoldsARunWithoutResume_IsRefusedNamingResume(string file)
    {
        File.WriteAllText(Path.Combine(_dir, file), "{}");

        var error = Assert.Throws<ArgumentException>(() => TrainingRunFolder.CheckStart(_dir, resume: false, "weights.bin"));

        Assert.Contains("--resume", error.Message, StringComparison.Ordinal);
        Assert.Contains(_dir, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckStart_ResumeOfARunWithoutState_IsRefusedAsNothingToResume()
    {
        File.WriteAllText(Path.Combine(_dir, "weights.bin"), "");

        var error = Assert.Throws<ArgumentException>(() => TrainingRunFolder.CheckStart(_dir, resume: true, "weights.bin"));

        Assert.Contains("nothing to resume", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckSettings_DifferentNestedSetting_IsRefusedNamingPathAndBothValues()
    {
        File.WriteAllText(Path.Combine(_dir, "state.json"), "{}");
        var recorded = new Settings("a", new Inner(2, 0.1), "old command");

        var error = Assert.Throws<ArgumentException>(() =>
            TrainingRunFolder.CheckSettings(_dir, () => recorded, recorded with { Training = new Inner(3, 0.1), Command = "new" }, JsonSerializerOptions.Default, "Command"));

        Assert.Contains("cannot resume with different settings: Training.Epochs (2 in the run, 3 now).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckSettings_OnlyIgnoredSettingsDifferOrNoState_Passes()
    {
        var recorded = new Settings("a", new Inner(2, 0.1), "old command");
        TrainingRunFolder.CheckSettings(_dir, () => throw new InvalidOperationException("not read without state"), recorded with { Name = "b" }, JsonSerializerOptions.Default);
        File.WriteAllText(Path.Combine(_dir, "state.json"), "{}");

        TrainingRunFolder.CheckSettings(_dir, () => recorded, recorded with { Command = "new", Training = new Inner(2, 0.1) }, JsonSerializerOptions.Default, "Command");
    }

    [Fact]
    public void Between_LongArrays_AreShortenedAndMissingMembersShownAsNone()
    {
        var recorded = JsonNode.Parse("""{"classes":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]}""");
        var current = JsonNode.Parse("""{"classes":[1],"extra":true}""");

        var differences = SettingsDifference.Between(recorded, current, []);

        Assert.Equal(2, differences.Count);
        Assert.StartsWith("classes ([1,2,3,", differences[0], StringComparison.Ordinal);
        Assert.Contains("... in the run, [1] now)", differences[0], StringComparison.Ordinal);
        Assert.Equal("extra (none in the run, true now)", differences[1]);
    }

    private sealed record Settings(string Name, Inner Training, string Command);

    private sealed record Inner(int Epochs, double Rate);
}
