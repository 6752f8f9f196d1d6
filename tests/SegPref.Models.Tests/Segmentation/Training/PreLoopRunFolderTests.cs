using SegPref.Models.Audio;
using SegPref.Models.Captioning;
using SegPref.Models.Cues;
using SegPref.Models.Segmentation;
using SegPref.Models.Segmentation.Training;
using SegPref.Models.Tests.Captioning;
using SegPref.Models.Torch;

namespace SegPref.Models.Tests.Segmentation.Training;

/// <summary>
/// Run folders made before the training loop was shared (runs/audio, runs/cues, runs/captioner hold only the config,
/// the weights and the reports; no state.json, last.bin or optimizer.bin) still load for inference and export.
/// </summary>
public sealed class PreLoopRunFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pre-loop-runs-").FullName;

    public PreLoopRunFolderTests() => TorchRuntime.EnsureInitialized();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Load_EncoderAndSegmenterRunsWithoutTrainingState_LoadsThemAll()
    {
        var paths = new EncoderRunPaths(AudioRun(), CueRun(), CaptionerFolder());
        var segmenter = SegmenterRunFolder();

        using var encoders = FrozenEncoders.Load(paths);
        var (model, config) = SegmenterRun.Load(segmenter);
        using (model)
        {
            Assert.Equal(["dog", "guitar"], encoders.Audio.Config.ClassNames);
            Assert.Equal(SyntheticSplit.Tiny.TextDim, encoders.Cues.Config.OutputSize);
            Assert.Equal(TinyCaptioning.Vocabulary.Words, encoders.Captioner!.Vocabulary.Words);
            Assert.Equal("audio-only", config.Kind);
        }

        foreach (var dir in new[] { paths.Audio, paths.Cues, paths.Captioner! })
        {
            Assert.DoesNotContain(Directory.GetFiles(dir).Select(Path.GetFileName), f => f is "state.json" or "last.bin" or "optimizer.bin");
        }
    }

    [Fact]
    public void Load_WithAudioMap_FeaturesAreTheEncodersTimeFrequencyMap()
    {
        var paths = new EncoderRunPaths(AudioRun(), CueRun(), null);
        using var embedding = FrozenEncoders.Load(paths);
        using var map = FrozenEncoders.Load(paths, audioMap: true);

        Assert.Equal(Vggish.EmbeddingSize, embedding.AudioWidth);
        Assert.Equal(Vggish.MapPositions * VggishPreset.Small.ConvChannels[^1], map.AudioWidth);
        Assert.Equal(map.AudioWidth, map.SilenceEmbedding().Length);
        Assert.Equal(embedding.AudioWidth, embedding.SilenceEmbedding().Length);
        Assert.NotEqual(embedding.AudioFeatureKey, map.AudioFeatureKey);
        Assert.Equal(embedding.AudioFingerprint, map.AudioFingerprint);
    }

    private string AudioRun()
    {
        var dir = Path.Combine(_root, "audio");
        using var tagger = new AudioTagger(VggishPreset.Small, 2);
        AudioEncoderRun.Save(tagger, new AudioEncoderConfig("small", [17, 28], ["dog", "guitar"], 3, 1, 64, 1e-3, 1e-4, "none", "data", "segpref train-audio"), dir);
        File.WriteAllText(Path.Combine(dir, "metrics.json"), """{"final":{"test_map":0.99},"history":[{"train_loss":0.2,"val_map":0.87,"elapsed_seconds":40.1,"epoch":1}]}""");
        return dir;
    }

    private string CueRun()
    {
        var dir = Path.Combine(_root, "cues");
        string[] words = ["dog", "guitar"];
        var options = new CueTrainingOptions(EmbeddingSize: 4, HiddenSize: 8, OutputSize: SyntheticSplit.Tiny.TextDim);
        using var model = new CueEncoder(words.Length, 4, 8, SyntheticSplit.Tiny.TextDim);
        CueEncoderRun.Save(model, new CueEncoderConfig(words, 4, 8, SyntheticSplit.Tiny.TextDim, options, "audio", "0", "side", "unknown", "data", "segpref train-cues"), dir);
        return dir;
    }

    private string CaptionerFolder()
    {
        var dir = Path.Combine(_root, "captioner");
        var config = TinyCaptioning.Config();
        using var model = new Captioner(config);
        CaptionerRun.Save(dir, model, TinyCaptioning.Vocabulary, new CaptionerRunConfig { Model = config, Training = new CaptionerTrainingOptions() });
        return dir;
    }

    private string SegmenterRunFolder()
    {
        var dir = Path.Combine(_root, "segmenter");
        using var model = new AudioOnlySegmenter(SyntheticSplit.Tiny);
        SegmenterRun.WriteConfig(dir, new SegmenterRunConfig("audio-only", SyntheticSplit.Tiny, new SegmentationTrainingOptions(), "ground-truth", new EncoderRecord("a", "1", "c", "2", null, null), "data", "segpref train"));
        model.save(Path.Combine(dir, SegmenterRun.WeightsFile));
        return dir;
    }
}
