using SegPref.Models.Audio;
using SegPref.Models.Torch;

namespace SegPref.Cli.Tests;

/// <summary>Untrained (random) encoder runs for commands that need one: the plumbing, not the quality.</summary>
internal static class RandomRuns
{
    /// <summary>A train-audio run folder at <paramref name="dir"/>: a random small VGGish tagging dog and guitar.</summary>
    public static string Audio(string dir, string dataRoot)
    {
        TorchRuntime.EnsureInitialized();
        using var tagger = new AudioTagger(VggishPreset.Small, 2);
        AudioEncoderRun.Save(tagger, new AudioEncoderConfig("small", [17, 28], ["dog", "guitar"], 0, 1, 1, 1e-3, 0, "none", dataRoot, "test"), dir);
        return dir;
    }
}
