using System.Globalization;
using SegPref.Inference.Repository;

namespace SegPref.Inference.Export.Repository;

/// <summary>Provenance of an export: the run, the command, and the weights' write time (not "now", so re-exports are identical).</summary>
public static class ExportSource
{
    /// <summary>The source block for an export of <paramref name="runDir"/> whose weights are <paramref name="weightsFile"/>.</summary>
    public static ModelSource For(string runDir, string weightsFile, string command) => new(
        Path.GetFullPath(runDir),
        command,
        File.GetLastWriteTimeUtc(weightsFile).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
}
