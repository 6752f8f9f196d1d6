using SegPref.Avs.Avss;
using SegPref.Media.Audio;
using SegPref.Models.Audio;

namespace SegPref.Models.Cues;

/// <summary>Embeds the audio of an AVS-Synth split once with the frozen audio encoder and keeps it in memory as a <see cref="CueAudioSet"/>.</summary>
public static class CueAudioData
{
    private const int ClipsPerBatch = 64;

    /// <summary>
    /// Log-mel of every clip of <paramref name="split"/> (in parallel), then the frozen encoder's embeddings in batches of 64 clips.
    /// <paramref name="stages"/> receives ("log-mel SPLIT" | "embed SPLIT", clips done, clips total).
    /// </summary>
    /// <exception cref="InvalidDataException">The split has no clips, or a clip lacks synth.json or is malformed.</exception>
    public static CueAudioSet Load(
        AvssDataset dataset, string split, AudioEncoderRun audio, CueVocabulary vocabulary,
        IProgress<(string Stage, int Done, int Total)>? stages = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(audio);
        var total = dataset.Rows.Count(r => r.Split == split);
        if (total == 0)
        {
            throw new InvalidDataException($"{dataset.Root}: the '{split}' split has no clips.");
        }

        var logMelProgress = stages is null ? null : new SyncProgress<int>(done => stages.Report(($"log-mel {split}", done, total)));
        var clips = AudioTaggingData.Load(dataset, split, AudioPerturbation.Normal, seed: 0, logMelProgress);
        var embedded = new List<(float[,], IReadOnlyList<IReadOnlySet<int>>)>(clips.Count);
        foreach (var batch in clips.Chunk(ClipsPerBatch))
        {
            // One forward pass per batch of clips: the encoder is far faster on hundreds of examples than on five.
            var data = batch.SelectMany(c => c.Examples.Data).ToArray();
            var all = audio.Embed(new LogMelExamples(data, batch.Sum(c => c.Examples.Count)));
            var row = 0;
            foreach (var clip in batch)
            {
                embedded.Add((Rows(all, row, clip.Examples.Count), clip.Sounding));
                row += clip.Examples.Count;
            }

            stages?.Report(($"embed {split}", embedded.Count, total));
        }

        return CueAudioSet.Build(embedded, vocabulary);
    }

    private static float[,] Rows(float[,] matrix, int first, int count)
    {
        var width = matrix.GetLength(1);
        var rows = new float[count, width];
        Buffer.BlockCopy(matrix, first * width * sizeof(float), rows, 0, count * width * sizeof(float));
        return rows;
    }
}
