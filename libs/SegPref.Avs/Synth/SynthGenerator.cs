using System.Text.Json;
using SegPref.Avs.Avss;

namespace SegPref.Avs.Synth;

/// <summary>
/// Writes an AVS-Synth dataset in the AVSS release layout. Output depends only on the config (seed included):
/// every clip draws from its own stream derived from (seed, split, clip index), so clips are generated in
/// parallel and a clip does not change when the clip counts change.
/// </summary>
public static class SynthGenerator
{
    /// <summary>Version of the generator, written to synth-config.json; bump it when output for a seed changes.</summary>
    public const string Version = "1.1.0";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Generates all splits under <paramref name="root"/> and returns the metadata rows written.</summary>
    /// <exception cref="ArgumentException">The config is invalid (see <see cref="SynthConfig.Validate"/>).</exception>
    /// <exception cref="OperationCanceledException">Cancelled; clips written so far stay on disk, metadata.csv is not written.</exception>
    public static IReadOnlyList<AvssMetadataRow> Generate(string root, SynthConfig config, IProgress<SynthProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Directory.CreateDirectory(root);

        var total = SynthSplits.All.Sum(config.ClipCount);
        var done = 0;
        var rows = new List<AvssMetadataRow>(total);
        var models = new Dictionary<string, SynthSoundingModel>(StringComparer.Ordinal);
        for (var s = 0; s < SynthSplits.All.Count; s++)
        {
            var split = SynthSplits.All[s];
            var splitIndex = s;
            var count = config.ClipCount(split);
            if (count == 0)
            {
                continue;
            }

            var model = models[split] = SynthSoundingModel.Create(config, split);
            var splitRows = new AvssMetadataRow[count];
            var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.For(0, count, options, i =>
            {
                splitRows[i] = SynthClipWriter.Write(root, config, model, splitIndex, i);
                progress?.Report(new SynthProgress(Interlocked.Increment(ref done), total, split));
            });
            rows.AddRange(splitRows);
        }

        AvssMetadata.Write(Path.Combine(root, AvssLayout.MetadataFile), rows);
        File.WriteAllText(Path.Combine(root, AvssLayout.Label2IdxFile), JsonSerializer.Serialize(AvssClasses.Label2Idx(), JsonOptions));
        WriteConfig(root, config, models);
        return rows;
    }

    private static void WriteConfig(string root, SynthConfig config, Dictionary<string, SynthSoundingModel> models)
    {
        var document = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["generator"] = "AVS-Synth",
            ["generator_version"] = Version,
            ["seed"] = config.Seed,
            ["config"] = config,
            ["class_weights"] = models.ToDictionary(
                m => m.Key,
                m => SynthVocabulary.SoundClasses.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => Math.Round(m.Value.ClassWeights[p.i], 6), StringComparer.Ordinal),
                StringComparer.Ordinal),
        };
        File.WriteAllText(Path.Combine(root, AvssLayout.SynthConfigFile), JsonSerializer.Serialize(document, JsonOptions));
    }
}
