using SegPref.Media.Imaging;

namespace SegPref.Serving.Inputs;

/// <summary>Decoded request images and their share of the decode budget, given back on dispose.</summary>
public sealed class DecodedImages(RgbImage[] images, IDisposable lease) : IDisposable
{
    /// <summary>The images, in request order.</summary>
    public RgbImage[] Images { get; } = images;

    /// <inheritdoc/>
    public void Dispose() => lease.Dispose();
}
