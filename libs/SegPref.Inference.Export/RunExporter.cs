using System.Text.Json;
using SegPref.Inference.Export.Audio;
using SegPref.Inference.Export.Captioning;
using SegPref.Inference.Export.Cues;
using SegPref.Inference.Export.Repository;
using SegPref.Inference.Export.Runs;
using SegPref.Inference.Export.Segmentation;
using SegPref.Inference.Repository;
using SegPref.Models.Audio;
using SegPref.Models.Captioning;
using SegPref.Models.Cues;

namespace SegPref.Inference.Export;

/// <summary>
/// `segpref export`: detects a run folder's kind from its files and writes the matching repository entry.
/// segmenter.json -> segmenter; config.json with "kind": "captioner" -> captioner; with "preset" -> audio encoder;
/// with "vocabulary" -> cue encoder; a .pth, .pt or .safetensors file -> audio encoder imported from torchvggish weights.
/// </summary>
public static class RunExporter
{
    /// <summary>The run kind of <paramref name="runDir"/> (one of <see cref="ModelKinds.All"/>).</summary>
    /// <exception cref="InvalidDataException">Not a run folder this exporter knows.</exception>
    public static string DetectKind(string runDir)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDir);
        if (AudioEncoderRun.IsWeightsFile(runDir))
        {
            return ModelKinds.AudioEncoder;
        }

        if (!Directory.Exists(runDir))
        {
            throw new InvalidDataException($"{runDir}: run folder not found.");
        }

        if (SegmenterRunFolder.IsRun(runDir))
        {
            return ModelKinds.Segmenter;
        }

        var config = Path.Combine(runDir, "config.json");
        if (File.Exists(config))
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(config));
                var root = doc.RootElement;
                if (root.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == "captioner")
                {
                    return ModelKinds.Captioner;
                }

                if (root.TryGetProperty("preset", out _) && root.TryGetProperty("class_indices", out _))
                {
                    return ModelKinds.AudioEncoder;
                }

                if (root.TryGetProperty("vocabulary", out _) && root.TryGetProperty("output_size", out _))
                {
                    return ModelKinds.CueEncoder;
                }
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{config}: malformed config.json: {ex.Message}", ex);
            }
        }

        throw new InvalidDataException($"{runDir}: not a run folder export knows (expected {SegPref.Models.Segmentation.Training.SegmenterRun.ConfigFile}, or config.json of a train-audio, train-cues or train-captioner run).");
    }

    /// <summary>Exports <paramref name="runDir"/> into <paramref name="repoRoot"/>; returns the entry folder.</summary>
    /// <param name="runDir">The run folder.</param>
    /// <param name="repoRoot">The repository root (models/).</param>
    /// <param name="name">Model name; default by kind (teso, audio-only, audio-encoder, cue-encoder, captioner).</param>
    /// <param name="version">Version; default: one above the highest numeric version of that name (1 for a new name).</param>
    /// <param name="command">The command line recorded in config.json.</param>
    /// <param name="overwrite">Replace an existing entry of that name and version instead of refusing.</param>
    /// <param name="audioMap">An audio encoder only: export its time-frequency map (for segmenters trained with <c>--audio-map</c>).</param>
    /// <exception cref="InvalidOperationException">The entry exists and <paramref name="overwrite"/> is false.</exception>
    /// <exception cref="ArgumentException"><paramref name="audioMap"/> for a run that is not an audio encoder.</exception>
    public static string Export(string runDir, string repoRoot, string? name, string? version, string command, bool overwrite = false, bool audioMap = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(repoRoot);
        var kind = DetectKind(runDir);
        if (audioMap && kind != ModelKinds.AudioEncoder)
        {
            throw new ArgumentException($"--audio-map exports an audio encoder's time-frequency map; {runDir} is a {kind} run.");
        }

        switch (kind)
        {
            case ModelKinds.Segmenter:
                var (model, config, metrics) = SegmenterRunFolder.Load(runDir);
                using (model)
                {
                    var source = ExportSource.For(runDir, Path.Combine(runDir, SegPref.Models.Segmentation.Training.SegmenterRun.WeightsFile), command);
                    var entry = Target(repoRoot, name ?? config.Kind, version, overwrite);
                    return SegmenterEntry.Write(model, repoRoot, entry.Name, entry.Version, metrics, source);
                }

            case ModelKinds.AudioEncoder:
                using (var audio = AudioEncoderRun.Load(runDir))
                {
                    var source = ExportSource.For(runDir, AudioEncoderRun.WeightsPath(runDir), command);
                    var entry = Target(repoRoot, name ?? ModelKinds.AudioEncoder, version, overwrite);
                    return AudioEncoderExporter.Write(audio, repoRoot, entry.Name, entry.Version, source, audioMap);
                }

            case ModelKinds.CueEncoder:
                using (var cues = CueEncoderRun.Load(runDir))
                {
                    var source = ExportSource.For(runDir, Path.Combine(runDir, CueEncoderRun.WeightsFile), command);
                    var entry = Target(repoRoot, name ?? ModelKinds.CueEncoder, version, overwrite);
                    return CueEncoderExporter.Write(cues, repoRoot, entry.Name, entry.Version, source);
                }

            case ModelKinds.Captioner:
                using (var captioner = CaptionerRun.Load(runDir))
                {
                    var source = ExportSource.For(runDir, Path.Combine(runDir, captioner.Config.WeightsFile), command);
                    var entry = Target(repoRoot, name ?? ModelKinds.Captioner, version, overwrite);
                    return CaptionerEntry.Write(captioner, repoRoot, entry.Name, entry.Version, source);
                }

            default:
                throw new InvalidDataException($"{runDir}: exporting a {kind} run is not implemented.");
        }
    }

    // The entry's name and version: the version defaults to one above the highest numeric version folder of the name, so
    // an export never replaces a served entry by accident; an existing entry is replaced only when asked to.
    private static (string Name, string Version) Target(string repoRoot, string name, string? version, bool overwrite)
    {
        if (version is null)
        {
            return (name, ModelEntry.NextVersion(repoRoot, name));
        }

        var folder = Path.Combine(repoRoot, name);

        if (!overwrite && File.Exists(Path.Combine(folder, version, ModelConfig.FileName)))
        {
            throw new InvalidOperationException($"{Path.Combine(folder, version)} already holds a model; choose another --version, leave it out for the next free one, or pass --force to replace it.");
        }

        return (name, version);
    }
}
