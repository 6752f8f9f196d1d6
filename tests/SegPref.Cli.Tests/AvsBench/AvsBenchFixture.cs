using SegPref.Models.Audio;
using SegPref.Models.Captioning;
using SegPref.Models.Cues;
using SegPref.Models.Torch;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SegPref.Cli.Tests.AvsBench;

/// <summary>
/// One small AVS-Synth source written out in the three AVSBench layouts, and untrained encoders for the commands: the
/// audio encoder as torchvggish-layout state dicts (.pth and .safetensors, the small widths so that they stay tiny), a
/// cue-encoder run and a captioner run. The plumbing is under test, not the quality.
/// </summary>
public sealed class AvsBenchFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public AvsBenchFixture()
    {
        var synth = AvsBenchTrees.Synth(_dir["synth"]);
        Trees = new[] { "s4", "ms3", "avss" }.ToDictionary(f => f, f => AvsBenchTrees.Write(synth, f, _dir[f]));
        TorchRuntime.EnsureInitialized();
        manual_seed(1);
        using (var vggish = new Vggish(VggishPreset.Small))
        {
            vggish.save_py(VggishPth);
            vggish.save_safetensors(VggishSafetensors);
        }

        using (var cues = new CueEncoder(CueVocabulary.AvssSoundCapable.Count, 16, 32, 128))
        {
            CueEncoderRun.Save(cues, new CueEncoderConfig([.. CueVocabulary.AvssSoundCapable.Words], 16, 32, 128, new CueTrainingOptions(), VggishPth, "none", "test", "test", synth, "test"), CueRun);
        }

        var vocabulary = CaptionVocabulary.Build(["a man plays the guitar on the left.", "a dog sits in the center."]);
        var config = new CaptionerConfig { ImageSize = 32, Width = 16, Heads = 2, Layers = 1, FeedForwardWidth = 32, MaxTokens = 8, Dropout = 0, VocabularySize = vocabulary.Count };
        using var captioner = new Captioner(config);
        SegPref.Models.Captioning.CaptionerRun.Save(CaptionerRun, captioner, vocabulary, new CaptionerRunConfig { Model = config });
    }

    /// <summary>The --data folder of each layout (s4, ms3, avss).</summary>
    public IReadOnlyDictionary<string, string> Trees { get; }

    public string VggishPth => _dir["vggish.pth"];

    public string VggishSafetensors => _dir["vggish.safetensors"];

    public string CueRun => _dir["cues"];

    public string CaptionerRun => _dir["captioner"];

    public string this[string relative] => _dir[relative];

    public void Dispose() => _dir.Dispose();
}
