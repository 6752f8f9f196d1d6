using SegPref.Models.Cues;
using SegPref.Models.Torch;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Cues;

public sealed class InfoNceTests
{
    public InfoNceTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void Loss_AudioEqualsItsClassTextOnePositiveEach_IsNearZeroAtLowTemperature()
    {
        using var text = eye(3);
        using var audio = eye(3);
        using var labels = tensor(new long[] { 0, 1, 2 });

        using var loss = InfoNce.Loss(text, audio, labels, temperature: 0.01);

        Assert.InRange(loss.item<float>(), 0f, 1e-3f);
    }

    [Fact]
    public void Loss_TwoIdenticalPositives_TextToAudioFloorIsLogTwo()
    {
        // Multi-positive text->audio averages -log p over a class's seconds; two equal positives get p = 1/2 each.
        // Class 0 contributes 0, class 1 ln 2, so text->audio = ln 2 / 2 and the symmetric loss = ln 2 / 4.
        using var text = eye(3);
        using var audio = tensor(new float[] { 1, 0, 0, 0, 1, 0, 0, 1, 0 }, [3, 3]);
        using var labels = tensor(new long[] { 0, 1, 1 });

        using var loss = InfoNce.Loss(text, audio, labels, temperature: 0.01);

        Assert.Equal(Math.Log(2) / 4, loss.item<float>(), 4);
    }

    [Fact]
    public void Loss_AllSimilaritiesEqual_IsMeanOfLogClassesAndLogBatch()
    {
        // Every logit equal: audio->text = ln C for every second; text->audio = ln B for every present class.
        using var text = zeros(4, 2);
        using var audio = zeros(2, 2);
        using var labels = tensor(new long[] { 0, 3 });

        using var loss = InfoNce.Loss(text, audio, labels, temperature: 0.07);

        Assert.Equal((Math.Log(4) + Math.Log(2)) / 2, loss.item<float>(), 4);
    }

    [Fact]
    public void Loss_ZeroTemperature_ThrowsArgumentOutOfRange()
    {
        using var text = eye(2);
        using var labels = tensor(new long[] { 0, 1 });

        Assert.Throws<ArgumentOutOfRangeException>(() => InfoNce.Loss(text, text, labels, 0));
    }
}
