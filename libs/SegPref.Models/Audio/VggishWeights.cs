using System.Collections;
using SegPref.Models.Weights;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SegPref.Models.Audio;

/// <summary>Loads PyTorch state-dict files (torch.save(model.state_dict())) in the torchvggish key layout into a <see cref="Vggish"/>.</summary>
public static class VggishWeights
{
    /// <summary>
    /// Loads <paramref name="path"/> into <paramref name="model"/> by key, strictly: every parameter of the model must be
    /// present with the same shape and no other key may appear. torchvggish's PCA keys (pproc.*) are not accepted: load
    /// the plain VGGish state dict.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a PyTorch state dict, or keys or shapes do not match (the message lists them).</exception>
    public static void LoadStateDict(Vggish model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: VGGish state dict not found.", path);
        }

        var loaded = Read(path);
        try
        {
            StateDictCheck.ThrowIfMismatched(path, model.state_dict(), loaded);
            using (no_grad())
            {
                foreach (var (key, target) in model.state_dict())
                {
                    target.copy_(loaded[key].to(target.dtype));
                }
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
