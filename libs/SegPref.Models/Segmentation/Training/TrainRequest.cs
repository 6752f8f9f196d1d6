using SegPref.Avs.Data;

namespace SegPref.Models.Segmentation.Training;

/// <summary>Everything <c>segpref train</c> needs.</summary>
/// <param name="Data">Dataset root: AVS-Synth, the AVSS release, AVSBench S4 or MS3 (<see cref="Format"/>).</param>
/// <param name="Kind">"teso" or "audio-only".</param>
/// <param name="Preset">Segmenter preset name ("small" or "paper").</param>
/// <param name="RunDir">Output run folder.</param>
/// <param name="Encoders">Frozen encoder runs (the captioner is used only for predicted cues).</param>
/// <param name="Cues">Cue source (TeSO only).</param>
/// <param name="Options">Hyper-parameters.</param>
/// <param name="CacheDir">Encoder-output cache folder (null = no cache).</param>
/// <param name="Resume">Continue an interrupted run in <paramref name="RunDir"/>.</param>
/// <param name="CommandLine">Recorded in segmenter.json.</param>
public sealed record TrainRequest(
    string Data, string Kind, string Preset, string RunDir, EncoderRunPaths Encoders, CueSource Cues,
    SegmentationTrainingOptions Options, string? CacheDir, bool Resume, string CommandLine)
{
    /// <summary>The layout of <see cref="Data"/>; null detects it.</summary>
    public AvsDataFormat? Format { get; init; }

    /// <summary>A torchvision ResNet-50 state dict (.pth or .safetensors) loaded into the paper preset's backbone before training; null = random initialisation.</summary>
    public string? BackboneWeights { get; init; }
}
