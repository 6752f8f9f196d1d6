using TorchSharp;

namespace SegPref.Models.Training;

/// <summary>
/// Writes a module's weights so that a reader never sees a half-written file: the weights go to a temporary file beside
/// the target, which then replaces it in one rename. A calibrate, eval or export started while training is still
/// writing weights.bin reads either the old weights or the new ones.
/// </summary>
public static class WeightsFile
{
    /// <summary>Saves <paramref name="module"/> to <paramref name="path"/> atomically (same folder, one rename).</summary>
    public static void Save(torch.nn.Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            module.save(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
