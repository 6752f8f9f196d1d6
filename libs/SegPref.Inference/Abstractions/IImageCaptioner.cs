using SegPref.Media.Imaging;

namespace SegPref.Inference.Abstractions;

/// <summary>The image captioner: one scene description per frame.</summary>
public interface IImageCaptioner
{
    /// <summary>The model that answers.</summary>
    ModelIdentity Identity { get; }

    /// <summary>Describes each frame (any size: the model resizes to its own input size).</summary>
    /// <exception cref="ArgumentException">No frames.</exception>
    IReadOnlyList<string> Describe(IReadOnlyList<RgbImage> frames);
}
