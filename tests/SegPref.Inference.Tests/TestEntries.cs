using SegPref.Inference.Export;
using SegPref.Models.Cues;

namespace SegPref.Inference.Tests;

/// <summary>Small repository entries for the loader tests.</summary>
internal static class TestEntries
{
    /// <summary>Exports a tiny random cue encoder into <paramref name="repo"/> as cue-encoder/<paramref name="version"/>; returns the entry folder.</summary>
    public static string CueEncoder(TempDir dir, string repo, string version = "1")
    {
        TestModels.Init(41);
        var run = dir.Sub("cue-run");
        if (!Directory.Exists(run))
        {
            using var model = new CueEncoder(3, 8, 8, 8);
            CueEncoderRun.Save(model, new CueEncoderConfig(["dog", "cat", "car"], 8, 8, 8, new CueTrainingOptions(), "a", "s", "mean", "zero", "d", "test"), run);
        }

        return RunExporter.Export(run, repo, null, version, "test");
    }
}
