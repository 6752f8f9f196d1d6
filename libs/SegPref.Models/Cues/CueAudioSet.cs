using SegPref.Avs.Avss;

namespace SegPref.Models.Cues;

/// <summary>
/// The audio side of cue training and retrieval: the frozen audio embedding of every clip second in which exactly one
/// class sounds, L2-normalised, with that class's vocabulary index.
/// </summary>
/// <remarks>
/// The audio is used as-is (no trainable projection): the cue vectors are trained into the frozen VGGish embedding space
/// itself, so anything that holds VGGish embeddings can compare them with cue vectors without a second module that would
/// have to travel with the cue encoder, the way TeSO's frozen text encoder shares ImageBind's audio space. The
/// normalisation makes the dot product a cosine. Seconds with several sounding classes are skipped rather than given
/// several positives: AVS-Synth has few of them (about 3% on Standard) and a mixture's embedding is not the sound of
/// any one class.
/// </remarks>
public sealed class CueAudioSet
{
    private CueAudioSet(float[] embeddings, int[] labels, int width, int skipped)
    {
        Embeddings = embeddings;
        Labels = labels;
        Width = width;
        SkippedSeconds = skipped;
    }

    /// <summary>Unit-length embeddings, [Count, Width] row-major.</summary>
    public float[] Embeddings { get; }

    /// <summary>Vocabulary index of the one class sounding in each second.</summary>
    public int[] Labels { get; }

    /// <summary>Embedding width.</summary>
    public int Width { get; }

    /// <summary>Number of seconds kept.</summary>
    public int Count => Labels.Length;

    /// <summary>Seconds left out: silent, several sounding classes, or a class outside the vocabulary.</summary>
    public int SkippedSeconds { get; }

    /// <summary>Keeps the single-source seconds of <paramref name="clips"/> (embeddings [seconds, width] with per-second sounding AVSS indices).</summary>
    /// <exception cref="ArgumentException">Widths differ, or a clip has labels for a different number of seconds.</exception>
    public static CueAudioSet Build(IEnumerable<(float[,] Embeddings, IReadOnlyList<IReadOnlySet<int>> Sounding)> clips, CueVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var embeddings = new List<float>();
        var labels = new List<int>();
        int width = -1, skipped = 0;
        foreach (var (matrix, sounding) in clips)
        {
            if (matrix.GetLength(0) != sounding.Count || (width >= 0 && matrix.GetLength(1) != width))
            {
                throw new ArgumentException(
                    $"A clip has embeddings [{matrix.GetLength(0)}, {matrix.GetLength(1)}] but labels for {sounding.Count} seconds (width so far {width}).", nameof(clips));
            }

            width = matrix.GetLength(1);
            for (var t = 0; t < sounding.Count; t++)
            {
                var label = sounding[t].Count == 1 ? vocabulary.IndexOf(AvssClasses.Names[sounding[t].First()]) : -1;
                if (label < 0)
                {
                    skipped++;
                    continue;
                }

                labels.Add(label);
                embeddings.AddRange(UnitRow(matrix, t));
            }
        }

        return new CueAudioSet([.. embeddings], [.. labels], Math.Max(width, 0), skipped);
    }

    private static float[] UnitRow(float[,] matrix, int row)
    {
        var values = new float[matrix.GetLength(1)];
        double norm = 0;
        for (var j = 0; j < values.Length; j++)
        {
            values[j] = matrix[row, j];
            norm += values[j] * (double)values[j];
        }

        // A silent-looking all-zero embedding stays zero (cosine 0 to every cue) instead of becoming NaN.
        var scale = norm > 1e-24 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        for (var j = 0; j < values.Length; j++)
        {
            values[j] *= scale;
        }

        return values;
    }
}
