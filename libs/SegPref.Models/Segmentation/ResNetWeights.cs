using System.Collections;
using SegPref.Models.Weights;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

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
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: ResNet-50 state dict not found.", path);
        }

        var loaded = Read(path);
        try
        {
            foreach (var key in IgnoredKeys)
            {
                loaded.Remove(key, out var head);
                head?.Dispose();
            }

            var target = encoder.state_dict();
            StateDictCheck.ThrowIfMismatched(path, target, loaded);
            using var noGrad = no_grad();
            foreach (var (key, tensor) in target)
            {
                tensor.copy_(loaded[key].to(tensor.dtype));
            }
        }
        finally
        {
            foreach (var tensor in loaded.Values)
            {
                tensor.Dispose();
            }
        }
    }

    private static Dictionary<string, Tensor> Read(string path)
    {
        Hashtable table;
        try
        {
            table = PyTorchUnpickler.UnpickleStateDict(path);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{path}: not a PyTorch state-dict file ({ex.Message}).", ex);
        }

        var dict = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in table)
        {
            if (entry.Key is string key && entry.Value is Tensor tensor)
            {
                dict[key] = tensor;
            }
        }

        return dict;
    }
}
