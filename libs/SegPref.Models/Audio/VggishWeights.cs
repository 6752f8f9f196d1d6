using SegPref.Models.Weights;

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
        => PyTorchStateDict.LoadInto(model, path, "VGGish");
}
