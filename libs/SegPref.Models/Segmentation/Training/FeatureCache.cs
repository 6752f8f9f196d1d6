using System.Text.Json;
using SegPref.Media.Io;

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// A folder of encoder outputs (.npy / .json) keyed by what produced them (encoder fingerprint, split, condition), so
/// every training run, evaluation and ablation on the same data reuses one embedding pass. A null folder disables it.
/// </summary>
public sealed class FeatureCache(string? folder)
{
    /// <summary>The cache folder, or null when caching is off.</summary>
    public string? Folder { get; } = folder;

    /// <summary>Returns the cached matrix named <paramref name="key"/> with <paramref name="shape"/>, or computes and stores it.</summary>
    /// <exception cref="InvalidDataException">A cached file exists with another shape (the cache is stale: delete it).</exception>
    public float[] GetOrCompute(string key, int[] shape, Func<float[]> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var path = Folder is null ? null : Path.Combine(Folder, key + ".npy");
        if (path is not null && File.Exists(path))
        {
            var (data, cachedShape) = NpyFile.ReadFloat32(path);
            return cachedShape.SequenceEqual(shape)
                ? data
                : throw new InvalidDataException($"{path}: cached shape [{string.Join(",", cachedShape)}] differs from the expected [{string.Join(",", shape)}]; delete the file to recompute.");
        }

        var computed = compute();
        if (path is not null)
        {
            Directory.CreateDirectory(Folder!);
            var temp = path + ".tmp";
            NpyFile.WriteFloat32(temp, computed, shape);
            File.Move(temp, path, overwrite: true);
        }

        return computed;
    }

    /// <summary>Returns the cached strings named <paramref name="key"/>, or computes and stores them.</summary>
    public string[] GetOrComputeText(string key, int count, Func<string[]> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var path = Folder is null ? null : Path.Combine(Folder, key + ".json");
        if (path is not null && File.Exists(path))
        {
            var cached = JsonSerializer.Deserialize<string[]>(File.ReadAllText(path));
            if (cached is not null && cached.Length == count)
            {
                return cached;
            }
        }

        var computed = compute();
        if (path is not null)
        {
            Directory.CreateDirectory(Folder!);
            File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(computed));
            File.Move(path + ".tmp", path, overwrite: true);
        }

        return computed;
    }
}
