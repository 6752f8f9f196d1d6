using SegPref.Models.Weights;

namespace SegPref.Models.Segmentation;

/// <summary>Loads torchvision ResNet-50 state dicts (torch.save(resnet50().state_dict())) into a <see cref="ResNet50Encoder"/> by key.</summary>
public static class ResNetWeights
{
    /// <summary>torchvision's classifier head, which the encoder does not have: accepted in the file and skipped.</summary>
    public static IReadOnlyList<string> IgnoredKeys { get; } = ["fc.weight", "fc.bias"];

    /// <summary>
    /// Loads <paramref name="path"/> into <paramref name="encoder"/> strictly: every parameter and buffer of the encoder
    /// must be in the file with the same shape, and no other key may appear except <see cref="IgnoredKeys"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">Not a PyTorch state dict, or keys or shapes differ (the message lists them).</exception>
    public static void LoadStateDict(ResNet50Encoder encoder, string path)
        => PyTorchStateDict.LoadInto(encoder, path, "ResNet-50", IgnoredKeys);
}
