using SegPref.Models.Segmentation;
using SegPref.Models.Segmentation.Preference;
using SegPref.Models.Segmentation.Training;

namespace SegPref.Models.Tests.Segmentation.Preference;

public sealed class PreferenceReportTests : IDisposable
{
    private static readonly EncoderRecord Encoders = new("a", "1", "c", "2", "cap", "3");
    private readonly string _dir = Directory.CreateTempSubdirectory("segpref-pref-").FullName;

    [Fact]
    public void Describe_ThePaperRecipe_NamesModelCuesPresetAndEpochs()
    {
        var config = Config("teso", new SegmentationTrainingOptions { Epochs = 14, Seed = 3 });

        Assert.Equal("teso, predicted cues, small, 14 epochs", RunRecipe.Describe(config));
    }

    [Fact]
    public void Describe_ChangedOptions_ListsEachButNotTheSeed()
    {
        var training = new SegmentationTrainingOptions { Epochs = 14, Seed = 9, OpenCue = true, AudioPrompts = true, CueWeight = 0.5, GroundingWeight = 0.25, GradientClip = 1, InfoNceWeight = 0, DynamicMask = false };
        var config = Config("teso", training, open: true) with { Calibration = new MarginCalibration(0.5, 0.05, 0.7, 0.71, []) };

        Assert.Equal(
            "teso, predicted cues, small, 14 epochs, no dynamic mask, no InfoNCE, cue weight 0.5, open cue, audio prompts, grounding 0.25, clip 1, calibrated",
            RunRecipe.Describe(config));
        Assert.Equal(RunRecipe.Describe(config), RunRecipe.Describe(config with { Training = training with { Seed = 1 } }));
    }

    [Fact]
    public void Describe_TheBaseline_LeavesOutTesoSwitches()
    {
        var config = Config("audio-only", new SegmentationTrainingOptions { Epochs = 14, InfoNceWeight = 0, DynamicMask = false, LearningRate = 5e-4 });

        Assert.Equal("audio-only, small, 14 epochs, lr 0.0005", RunRecipe.Describe(config));
        Assert.Equal(
            "audio-only, small, 14 epochs, lr 0.0005, objectness 0.5",
            RunRecipe.Describe(config with { Training = config.Training with { GroundingWeight = 0.5 }, Options = config.Options with { Grounding = true } }));
    }

    [Fact]
    public void SeedSummaries_GroupsRecipesWithSeveralSeeds_MeanAndSampleSd()
    {
        PreferenceRow[] rows =
        [
            Row("teso-s1", "A", 1, 0.70, 0.55), Row("base-s1", "B", 1, 0.71, 0.56), Row("teso-s2", "A", 2, 0.68, 0.57),
            Row("base-again", "B", 1, 0.72, 0.50), Row("old", null, 2, 0.1, 0.1),
        ];

        var summary = Assert.Single(PreferenceReport.SeedSummaries(rows));

        Assert.Equal("A", summary.Recipe);
        Assert.Equal(["teso-s1", "teso-s2"], summary.Runs);
        Assert.Equal([1, 2], summary.Seeds);
        Assert.Equal(0.69, summary.NormalJ.Mean, 12);
        Assert.Equal(Math.Sqrt(2e-4), summary.NormalJ.Sd, 12);
        Assert.Equal(0.56, summary.CounterJ.Mean, 12);
    }

    [Fact]
    public void WriteJson_WithSeveralSeeds_WritesSeedsAndReadsBackTheRuns()
    {
        var path = Path.Combine(_dir, PreferenceReport.JsonFile);
        PreferenceRow[] rows = [Row("a", "R", 1, 0.7, 0.5), Row("b", "R", 2, 0.6, 0.4)];

        PreferenceReport.WriteJson(path, rows);

        var text = File.ReadAllText(path);
        Assert.Contains("\"seeds\"", text, StringComparison.Ordinal);
        Assert.Contains("\"recipe\": \"R\"", text, StringComparison.Ordinal);
        Assert.Equal(rows, PreferenceReport.ReadJson(path));
        Assert.Contains("| R | 1, 2 | 65.0 ± 7.1 |", PreferenceReport.SeedMarkdown(rows), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteJson_OneSeedPerRecipe_WritesNoSeedsAndNoSeedTable()
    {
        var path = Path.Combine(_dir, PreferenceReport.JsonFile);
        PreferenceRow[] rows = [Row("a", "R", 1, 0.7, 0.5), Row("b", "S", 1, 0.6, 0.4)];

        PreferenceReport.WriteJson(path, rows);

        Assert.DoesNotContain("\"seeds\"", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Empty(PreferenceReport.SeedMarkdown(rows));
    }

    [Fact]
    public void MeanSdOf_OneValue_Throws() => Assert.Throws<ArgumentException>(() => MeanSd.Of([0.5]));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static SegmenterRunConfig Config(string kind, SegmentationTrainingOptions training, bool open = false) =>
        new(kind, SegmenterOptions.Small with { OpenCue = open, DynamicMask = training.DynamicMask ? DynamicMaskMode.Calibrated : DynamicMaskMode.Off }, training, "predicted", Encoders, "data", "segpref train");

    private static PreferenceRow Row(string name, string? recipe, int seed, double j, double counter)
    {
        var s = new ConditionScores(j / 2, j / 2, 0.5, 0.5);
        return new PreferenceRow(name, "teso", new ConditionScores(j, j), s, s, s, 0.1, new ConditionScores(counter, counter), "predicted", true, 0.1, seed, 0.9, 0, recipe);
    }
}
