using System.Collections;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SegPref.Models.Weights;

/// <summary>Loads PyTorch state-dict files (torch.save(model.state_dict())) into TorchSharp modules by key, strictly.</summary>
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
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: {modelName} state dict not found.", path);
        }

        var loaded = Read(path);
        try
        {
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
