using SegPref.Media.Imaging;

namespace SegPref.Inference.Abstractions;

/// <summary>The image captioner: one scene description per frame.</summary>
public interface IImageCaptioner : IServedModel
{
    /// <summary>Describes each frame (any size: the model resizes to its own input size).</summary>
    /// <exception cref="ArgumentException">No frames.</exception>
    IReadOnlyList<string> Describe(IReadOnlyList<RgbImage> frames);
}
