namespace SegPref.Models.Audio;

/// <summary>
/// Widths of a <see cref="Vggish"/> network: six 3×3 conv layers (pooled after the 1st, 2nd, 4th and 6th)
/// and three fully connected layers, the last of which is the embedding size.
/// </summary>
/// <param name="Name">Preset name as used on the command line and in config.json.</param>
/// <param name="ConvChannels">Output channels of the six conv layers.</param>
/// <param name="FcSizes">Output sizes of the three fully connected layers; the last is <see cref="Vggish.EmbeddingSize"/>.</param>
public sealed record VggishPreset(string Name, IReadOnlyList<int> ConvChannels, IReadOnlyList<int> FcSizes)
{
    /// <summary>The published VGGish layout (torchvggish): conv 64-128-256-256-512-512, FC 4096-4096-128 (about 72M parameters).</summary>
    public static VggishPreset Paper { get; } = new("paper", [64, 128, 256, 256, 512, 512], [4096, 4096, 128]);

    /// <summary>Same structure, narrow enough to train on 2 CPU cores in minutes: conv 16-32-64-64-128-128, FC 256-256-128.</summary>
    public static VggishPreset Small { get; } = new("small", [16, 32, 64, 64, 128, 128], [256, 256, 128]);

    /// <summary>The preset called <paramref name="name"/> (paper or small, case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static VggishPreset FromName(string name) => name?.ToUpperInvariant() switch
    {
        "PAPER" => Paper,
        "SMALL" => Small,
        _ => throw new ArgumentException($"Unknown VGGish preset '{name}'; expected 'paper' or 'small'.", nameof(name)),
    };

    /// <summary>Checks the counts and that every width is positive and the embedding is 128-d.</summary>
    /// <exception cref="ArgumentException">The preset cannot build a VGGish network.</exception>
    public void Validate()
    {
        if (ConvChannels is not { Count: 6 } || FcSizes is not { Count: 3 })
        {
            throw new ArgumentException($"VGGish preset '{Name}' needs 6 conv widths and 3 FC sizes.");
        }

        if (ConvChannels.Concat(FcSizes).Any(w => w <= 0) || FcSizes[2] != Vggish.EmbeddingSize)
        {
            throw new ArgumentException($"VGGish preset '{Name}': widths must be positive and the last FC size {Vggish.EmbeddingSize}.");
        }
    }
}
