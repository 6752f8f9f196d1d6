using SegPref.Serving.Reliance;

namespace SegPref.Mesh.Tests.Segmentation;

public sealed class CounterfactualRelianceTests
{
    [Fact]
    public void FromLogits_ClipThenSilence_SharesOfMassLostPerFrame()
    {
        // Two frames of 2 pixels: frame 0 loses all its foreground under silence, frame 1 keeps it.
        float[] logits = [9, 9, 9, 9, -9, -9, 9, 9];

        var reliance = CounterfactualReliance.FromLogits(logits, frames: 2, plane: 2);

        Assert.InRange(reliance[0], 0.99, 1.0);
        Assert.Equal(0.0, reliance[1], 12);
    }

    [Fact]
    public void FromLogits_WrongLength_ThrowsNamingTheLayout()
    {
        var ex = Assert.Throws<ArgumentException>(() => CounterfactualReliance.FromLogits(new float[6], frames: 2, plane: 2));

        Assert.Contains("4 maps of 2 logits", ex.Message, StringComparison.Ordinal);
    }
}
