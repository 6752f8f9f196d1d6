using SegPref.Models.Captioning;
using SegPref.Models.Torch;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Captioning;

public sealed class CaptionerRunTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"captioner-run-{Guid.NewGuid():N}");

    public CaptionerRunTests() => TorchRuntime.EnsureInitialized();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_OfSave_DescribesLikeTheSavedModel()
    {
        manual_seed(21);
        using var model = new Captioner(TinyCaptioning.Config());
        model.eval();
        var images = TinyCaptioning.Frames(4).Select(f => f.Image).ToList();
        var expected = CaptionDecoding.Describe(model, TinyCaptioning.Vocabulary, images, DecodeOptions.Beam(2));
        CaptionerRun.Save(_dir, model, TinyCaptioning.Vocabulary, new CaptionerRunConfig { Model = model.Config, CommandLine = "test" });

        using var run = CaptionerRun.Load(_dir);

        Assert.Equal(expected, run.Describe(images, DecodeOptions.Beam(2)));
        Assert.Equal(model.Config, run.Config.Model);
        Assert.Equal(TinyCaptioning.Vocabulary.Words, run.Vocabulary.Words);
    }

    [Fact]
    public void Load_WeightsOfAnotherShape_ThrowsNamingTheWeights()
    {
        using var wide = new Captioner(TinyCaptioning.Config(width: 64));
        CaptionerRun.Save(_dir, wide, TinyCaptioning.Vocabulary, new CaptionerRunConfig { Model = wide.Config });
        new CaptionerRunConfig { Model = TinyCaptioning.Config(width: 32) }.Save(_dir);

        var error = Assert.Throws<InvalidDataException>(() => CaptionerRun.Load(_dir));

        Assert.Contains("captioner.weights", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingConfig_ThrowsNamingTheFile()
    {
        Directory.CreateDirectory(_dir);

        var error = Assert.Throws<InvalidDataException>(() => CaptionerRun.Load(_dir));

        Assert.Contains("config.json", error.Message, StringComparison.Ordinal);
    }
}
