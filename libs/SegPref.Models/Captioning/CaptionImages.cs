using SegPref.Media.Imaging;
using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>Frames -> the captioner's input tensor [N, 3, S, S] (resized, ImageNet mean/std).</summary>
internal static class CaptionImages
{
    public static Tensor ToTensor(IReadOnlyList<RgbImage> frames, int size)
    {
        var data = ImageTensor.ToChwBatch(frames, size, size, ImageTensor.ImageNetMean, ImageTensor.ImageNetStd);
        return tensor(data).view(frames.Count, 3, size, size);
    }
}
