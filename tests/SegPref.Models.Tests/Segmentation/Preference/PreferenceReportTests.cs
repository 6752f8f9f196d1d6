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
        var config = Config("teso", SegmentationRecipes.For(SegmentationRecipes.Paper, "teso") with { Seed = 3 });

        Assert.Equal("teso, predicted cues, small, 14 epochs", RunRecipe.Describe(config));
    }

    [Fact]
    public void Describe_TheServedRecipe_NamesTheCueLossVisualOpenCueAndAudioPrompts()
    {
        var config = Config("teso", SegmentationRecipes.For(SegmentationRecipes.Served, "teso"));

        Assert.Equal("teso, predicted cues, small, 14 epochs, cue weight 1, visual open cue, audio prompts", RunRecipe.Describe(config));
    }

    [Fact]
    public void Describe_ChangedOptions_ListsEachButNotTheSeed()
    {
        var training = new SegmentationTrainingOptions { Epochs = 14, Seed = 9, OpenCue = true, AudioPrompts = true, CueWeight = 0.5, GroundingWeight = 0.25, GradientClip = 1, InfoNceWeight = 0, DynamicMask = DynamicMaskMode.Off };
        var config = Config("teso", training, open: true) with { Calibration = new MarginCalibration(0.5, 0.05, 0.7, 0.71, []) };

        Assert.Equal(
            "teso, predicted cues, small, 14 epochs, no dynamic mask, no InfoNCE, cue weight 0.5, open cue, audio prompts, grounding 0.25, clip 1, margin calibrated",
            RunRecipe.Describe(config));
        Assert.Equal(RunRecipe.Describe(config), RunRecipe.Describe(config with { Training = training with { Seed = 1 } }));
        Assert.Contains("silence-calibrated mask", RunRecipe.Describe(Config("teso", training with { DynamicMask = DynamicMaskMode.Calibrated })), StringComparison.Ordinal);
        Assert.Contains("peak relevance", RunRecipe.Describe(Config("teso", training with { DynamicMask = DynamicMaskMode.Peak })), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_AudioMap_IsASwitchNotOtherSizes()
    {
        var config = Config("audio-only", new SegmentationTrainingOptions { Epochs = 14, AudioMap = true });
        config = config with { Options = config.Options with { AudioDim = 3072, AudioTokens = 24, AudioMapChannels = 128 } };

        Assert.Equal("audio-only, small, 14 epochs, audio map", RunRecipe.Describe(config));
    }

    [Fact]
    public void Describe_TheBaseline_LeavesOutTesoSwitches()
    {
        var config = Config("audio-only", new SegmentationTrainingOptions { Epochs = 14, InfoNceWeight = 0, DynamicMask = DynamicMaskMode.Off, LearningRate = 5e-4 });

        Assert.Equal("audio-only, small, 14 epochs, lr 0.0005", RunRecipe.Describe(config));
        Assert.Equal(
            "audio-only, small, 14 epochs, lr 0.0005, objectness 0.5",
            RunRecipe.Describe(config with { Training = config.Training with { GroundingWeight = 0.5 }, Options = config.Options with { Grounding = true } }));
    }

    [Fact]
    public void Recipes_ForTheBaseline_KeepOnlyTheSharedSettings()
    {
        var served = SegmentationRecipes.For(SegmentationRecipes.Served, "audio-only");

        Assert.Equal(new SegmentationTrainingOptions { Epochs = 14 }, served);
        Assert.Equal(SegmentationRecipes.For(SegmentationRecipes.Served, "teso").Epochs, served.Epochs);
        Assert.Throws<ArgumentException>(() => SegmentationRecipes.For("best", "teso"));
    }

    [Fact]
    public void Summarise_ConditionKinds_JWhereSomethingSoundsNullSWhereNothingDoes()
    {
        var normal = Scores(0.8, 0.1);
        var perturbed = Scores(0.2, 0.05);

        var swapped = PreferenceExperiment.Summarise("swapped", perturbed, normal);
        var mute = PreferenceExperiment.Summarise("mute", perturbed, normal);
        var offScreen = PreferenceExperiment.Summarise("off-screen", perturbed, normal);
        var baseline = PreferenceExperiment.Summarise("normal", normal, normal);

        Assert.Equal((null, null, null, 0.05), (swapped.J, swapped.DeltaJ, (double?)null, swapped.NullS));
        Assert.Equal((0.2, 0.75, 0.05), (mute.J!.Value, Math.Round(mute.DeltaJ!.Value, 12), mute.NullS!.Value));
        Assert.Equal((0.2, 0.75), (offScreen.J!.Value, Math.Round(offScreen.DeltaJ!.Value, 12)));
        Assert.Null(offScreen.NullS);
        Assert.Null(baseline.DeltaJ);
        Assert.Equal(0.5, swapped.Reliance);
    }

    [Fact]
    public void SeedSummaries_GroupsRecipesWithSeveralSeeds_MeanAndSampleSdOfEveryFigure()
    {
        PreferenceRow[] rows =
        [
            Row("teso-s1", "A", 1, 0.70, 0.55), Row("base-s1", "B", 1, 0.71, 0.56), Row("teso-s2", "A", 2, 0.68, 0.57),
            Row("base-again", "B", 1, 0.72, 0.50),
        ];

        var summary = Assert.Single(PreferenceReport.SeedSummaries(rows));

        Assert.Equal("A", summary.Recipe);
        Assert.Equal(["teso-s1", "teso-s2"], summary.Runs);
        Assert.Equal([1, 2], summary.Seeds);
        Assert.Equal(0.69, summary.Figures["normal_j"].Mean, 12);
        Assert.Equal(Math.Sqrt(2e-4), summary.Figures["normal_j"].Sd, 12);
        Assert.Equal(0.56, summary.Figures["counter_j"].Mean, 12);
        Assert.Equal(0.1, summary.Figures["null_s_swapped"].Mean, 12);
        Assert.Equal(0.75, summary.Figures["swapped_below_own"].Mean, 12);
    }

    [Fact]
    public void WriteJson_TwoDatasets_KeepsBothAndReplacesOneByName()
    {
        var path = Path.Combine(_dir, PreferenceReport.JsonFile);
        PreferenceRow[] rows = [Row("a", "R", 1, 0.7, 0.5), Row("b", "R", 2, 0.6, 0.4)];

        PreferenceReport.WriteJson(path, new PreferenceDataset("standard", "/d/std", rows));
        PreferenceReport.WriteJson(path, new PreferenceDataset("realistic", "/d/real", [rows[0]]));
        PreferenceReport.WriteJson(path, new PreferenceDataset("standard", "/d/std", [rows[1]]));

        var datasets = PreferenceReport.ReadJson(path);
        Assert.Equal(["realistic", "standard"], datasets.Select(d => d.Name));
        Assert.Equal("b", Assert.Single(datasets[1].Runs).Name);
        Assert.Null(datasets[1].Seeds);
        Assert.Equal(rows[0].Test, datasets[0].Runs[0].Test);
    }

    [Fact]
    public void WriteJson_SeveralSeeds_WritesSeedsAndTheSeedTable()
    {
        var path = Path.Combine(_dir, PreferenceReport.JsonFile);
        PreferenceRow[] rows = [Row("a", "R", 1, 0.7, 0.5), Row("b", "R", 2, 0.6, 0.4)];

        PreferenceReport.WriteJson(path, new PreferenceDataset("x", "/x", rows));

        Assert.Contains("\"seeds\"", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Contains("| R | 1, 2 | 65.0 ± 7.1 |", PreferenceReport.SeedMarkdown(rows), StringComparison.Ordinal);
        Assert.Empty(PreferenceReport.SeedMarkdown([rows[0]]));
    }

    [Fact]
    public void Markdown_ShowsJTableNullSTableAndReliance()
    {
        var md = PreferenceReport.Markdown([Row("a", "R", 1, 0.7, 0.5)]);

        Assert.Contains("| a | teso | 70.0 | 70.0 | 35.0 (50.0%) | 35.0 (50.0%) | 35.0 (50.0%) | 35.0 (50.0%) | 50.0 | 50.0 |", md, StringComparison.Ordinal);
        Assert.Contains("| run | model | mute | noise-floor | dither | swapped |", md, StringComparison.Ordinal);
        Assert.Contains("| a | teso | 0.100 | 0.100 | 0.100 | 0.100 |", md, StringComparison.Ordinal);
        Assert.Contains("75.0% |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void RelianceHistogram_Fractions_SumToOneAndPutOneInTheLastBin()
    {
        var fractions = RelianceHistogram.Fractions([0, 0.01, 0.5, 1.0]);

        Assert.Equal(1.0, fractions.Sum(), 12);
        Assert.Equal(0.5, fractions[0]);
        Assert.Equal(0.25, fractions[10]);
        Assert.Equal(0.25, fractions[^1]);
    }

    [Fact]
    public void MeanSdOf_OneValue_Throws() => Assert.Throws<ArgumentException>(() => MeanSd.Of([0.5]));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static SegmentationScores Scores(double j, double nullS) => new(j, j, nullS, 10, null, null) { Reliance = [0.25, 0.75] };

    private static SegmenterRunConfig Config(string kind, SegmentationTrainingOptions training, bool open = false) =>
        new(kind, SegmenterOptions.Small with { OpenCue = open, DynamicMask = training.DynamicMask }, training, "predicted", Encoders, "data", "segpref train");

    private static PreferenceRow Row(string name, string recipe, int seed, double j, double counter)
    {
        var perturbed = new ConditionScores(j / 2, j / 2, 0.5, 0.5, Reliance: 0.2);
        var silent = new ConditionScores(null, null, NullS: 0.1, Reliance: 0.1);
        var test = new Dictionary<string, ConditionScores>
        {
            ["normal"] = new(j, j, Reliance: 0.9), ["mute"] = perturbed with { NullS = 0.1 }, ["wgn-10"] = perturbed, ["wgn-40"] = perturbed,
            ["noise-floor"] = silent, ["dither"] = silent, ["swapped"] = silent, ["off-screen"] = perturbed,
        };
        return new PreferenceRow(name, "teso", recipe, seed, "predicted", test, new ConditionScores(counter, counter), 0.75);
    }
}
