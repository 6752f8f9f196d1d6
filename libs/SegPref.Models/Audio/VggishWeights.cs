using SegPref.Models.Weights;

namespace SegPref.Models.Audio;

/// <summary>Loads state dicts in the torchvggish key layout (torch.save(model.state_dict()) .pth, or .safetensors) into a <see cref="Vggish"/>.</summary>
public static class VggishWeights
{
    /// <summary>
    /// Loads <paramref name="path"/> into <paramref name="model"/> by key, strictly: every parameter of the model must be
    /// present with the same shape and no other key may appear. torchvggish's PCA keys (pproc.*) are not accepted: load
    /// the plain VGGish state dict.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a state dict, or keys or shapes do not match (the message lists them).</exception>
    public static void LoadStateDict(Vggish model, string path)
        => PyTorchStateDict.LoadInto(model, path, "VGGish");

    /// <summary>
    /// Builds the VGGish whose widths the file holds (<see cref="VggishPreset.Paper"/> for torchvggish's published
    /// vggish-10086976.pth, or <see cref="VggishPreset.Small"/>) and loads it strictly; the caller owns the model.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">Not a torchvggish-layout state dict of a known width (the message says why).</exception>
    public static Vggish Load(string path)
    {
        var loaded = PyTorchStateDict.Read(path, "VGGish");
        try
        {
            if (!loaded.TryGetValue("features.0.weight", out var first))
            {
                throw new InvalidDataException($"{path}: no features.0.weight, so not a torchvggish state dict (keys: {string.Join(", ", loaded.Keys.Order(StringComparer.Ordinal).Take(6))}{(loaded.Count > 6 ? ", ..." : "")}).");
            }

            VggishPreset[] presets = [VggishPreset.Paper, VggishPreset.Small];
            var preset = presets.FirstOrDefault(p => first.shape is [var c, 1, 3, 3] && c == p.ConvChannels[0])
                ?? throw new InvalidDataException($"{path}: features.0.weight is [{string.Join(", ", first.shape)}]; expected [64, 1, 3, 3] (torchvggish) or [16, 1, 3, 3] (the small preset).");
            var model = new Vggish(preset);
            try
            {
                PyTorchStateDict.CopyInto(model, path, loaded);
                return model;
            }
            catch
            {
                model.Dispose();
                throw;
            }
        }
        finally
        {
            PyTorchStateDict.Dispose(loaded);
        }
    }
}
