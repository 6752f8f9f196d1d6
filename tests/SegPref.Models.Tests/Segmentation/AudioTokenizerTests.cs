using SegPref.Models.Segmentation;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Segmentation;

[Collection(SeededTorch.Name)]
public sealed class AudioTokenizerTests : SingleThreadedTorch
{
    [Fact]
    public void Map_OneTokenPerPosition_DependsOnlyOnItsOwnChannels()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var tokenizer = new AudioTokenizer(6 * 8, 16, 6, mapChannels: 8);
        var audio = randn(2, 48);

        var tokens = tokenizer.call(audio);
        Assert.Equal([2L, 6L, 16L], tokens.shape);

        // Changing position 3's channels changes token 3 and no other.
        var changed = audio.clone();
        changed.narrow(1, 3 * 8, 8).add_(1.0);
        var diff = (tokenizer.call(changed) - tokens).abs().amax([0, 2]);
        Assert.True(diff[3].item<float>() > 1e-4f);
        Assert.All(new[] { 0, 1, 2, 4, 5 }, p => Assert.Equal(0f, diff[p].item<float>()));

        // The same channels at two positions give two tokens (the learned position embedding).
        var same = zeros(1, 48);
        var pair = tokenizer.call(same);
        Assert.True((pair[0, 0] - pair[0, 1]).abs().max().item<float>() > 0);
    }

    [Fact]
    public void Map_WidthNotPositionsTimesChannels_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new AudioTokenizer(50, 16, 6, mapChannels: 8));
        var options = SegmenterOptions.Small with { AudioDim = 50, AudioTokens = 6, AudioMapChannels = 8 };
        Assert.Contains("AudioTokens x AudioMapChannels", Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Teso_AudioMapOptions_SegmentsAMapInput()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var options = SegmenterOptions.Small with { Dim = 16, Queries = 2, DecoderLayers = 1, FeedForwardDim = 16, TextDim = 8, AudioDim = 48, AudioTokens = 6, AudioMapChannels = 8, OpenCue = true, AudioPrompts = true };
        using var model = new TesoSegmenter(options);
        var output = model.call(new SegmentationInput(randn(2, 3, 64, 64), randn(2, 48), randn(2, 4, 8), ones(2, 4, dtype: ScalarType.Bool)));

        Assert.Equal([2L, 64L, 64L], output.MapLogits.shape);
        Assert.Equal([2L, 6L, 16L], output.Sedam!.AudioTokens.shape);
    }
}
