using System.Collections;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SegPref.Models.Weights;

/// <summary>Loads PyTorch state-dict files (torch.save(model.state_dict()), or safetensors) into TorchSharp modules by key, strictly.</summary>
internal static class PyTorchStateDict
{
    /// <summary>
    /// Copies every parameter and buffer of <paramref name="module"/> from <paramref name="path"/>; keys in
    /// <paramref name="ignoredKeys"/> may appear in the file and are skipped, anything else must match exactly.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">Not a PyTorch state dict, or keys or shapes differ (the message lists them).</exception>
    public static void LoadInto(nn.Module module, string path, string modelName, IEnumerable<string>? ignoredKeys = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        var loaded = Read(path, modelName);
        try
        {
            CopyInto(module, path, loaded, ignoredKeys);
        }
        finally
        {
            Dispose(loaded);
        }
    }

    /// <summary>Copies <paramref name="loaded"/> (read from <paramref name="path"/>) into <paramref name="module"/>, strictly; see <see cref="LoadInto"/>.</summary>
    /// <exception cref="InvalidDataException">Keys or shapes differ (the message lists them).</exception>
    public static void CopyInto(nn.Module module, string path, Dictionary<string, Tensor> loaded, IEnumerable<string>? ignoredKeys = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(loaded);
        foreach (var key in ignoredKeys ?? [])
        {
            loaded.Remove(key, out var skipped);
            skipped?.Dispose();
        }

        var target = module.state_dict();
        StateDictCheck.ThrowIfMismatched(path, target, loaded);
        using var noGrad = no_grad();
        foreach (var (key, tensor) in target)
        {
            tensor.copy_(loaded[key].to(tensor.dtype));
        }
    }

    /// <summary>Disposes every tensor of a dictionary <see cref="Read"/> returned.</summary>
    public static void Dispose(Dictionary<string, Tensor> loaded)
    {
        foreach (var tensor in (loaded ?? throw new ArgumentNullException(nameof(loaded))).Values)
        {
            tensor.Dispose();
        }
    }

    /// <summary>Whether <paramref name="path"/> names a weights file these loaders read (.pth or .pt from torch.save, or .safetensors).</summary>
    public static bool IsWeightsFile(string path) =>
        File.Exists(path) && Path.GetExtension(path).ToLowerInvariant() is ".pth" or ".pt" or ".safetensors";

    /// <summary>
    /// Reads a state dict: a PyTorch pickle (torch.save(model.state_dict()), .pth or .pt) or, by extension, a
    /// .safetensors file. The caller owns the tensors (<see cref="Dispose(Dictionary{string, Tensor})"/>).
    /// </summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">Not a state-dict file of that kind.</exception>
    public static Dictionary<string, Tensor> Read(string path, string modelName)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: {modelName} state dict not found.", path);
        }

        if (Path.GetExtension(path).Equals(".safetensors", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return Safetensors.LoadStateDict(path);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new InvalidDataException($"{path}: not a safetensors file ({ex.Message}).", ex);
            }
        }

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
