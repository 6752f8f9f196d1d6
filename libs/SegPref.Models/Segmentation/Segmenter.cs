using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>A prompted segmenter: <see cref="TesoSegmenter"/> or <see cref="AudioOnlySegmenter"/>.</summary>
public abstract class Segmenter(string name, SegmenterOptions options) : nn.Module<SegmentationInput, SegmentationOutput>(name)
{
    /// <summary>The sizes this segmenter was built with.</summary>
    public SegmenterOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The shared visual encoder / decoder trunk.</summary>
    public abstract SegmenterTrunk Trunk { get; }

    /// <summary>
    /// The decoder's prompt layout: the group of each prompt token, in the order PMQS reads them (TeSO: text cue slots,
    /// the open cue when the model has one, then the audio prompt tokens; the baseline: its audio tokens).
    /// </summary>
    public abstract IReadOnlyList<PromptGroups> PromptLayout();

    /// <summary>Builds a segmenter by kind ("teso" or "audio-only").</summary>
    /// <exception cref="ArgumentException">Unknown kind or invalid options.</exception>
    public static Segmenter Create(string kind, SegmenterOptions options) => kind?.ToLowerInvariant() switch
    {
        "teso" => new TesoSegmenter(options),
        "audio-only" => new AudioOnlySegmenter(options),
        _ => throw new ArgumentException($"Unknown segmenter kind '{kind}' (expected teso or audio-only).", nameof(kind)),
    };

    /// <summary>Checks that frames and audio match the options.</summary>
    protected void CheckCommon(SegmentationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var f = input.Frames.shape;
        if (f.Length != 4 || f[1] != 3 || f[2] % 32 != 0 || f[3] % 32 != 0)
        {
            throw new ArgumentException($"Frames must be [B,3,H,W] with H and W multiples of 32, got [{string.Join(",", f)}].", nameof(input));
        }

        var a = input.Audio.shape;
        if (a.Length != 2 || a[0] != f[0] || a[1] != Options.AudioDim)
        {
            throw new ArgumentException($"Audio must be [{f[0]},{Options.AudioDim}], got [{string.Join(",", a)}].", nameof(input));
        }
    }
}
