namespace SegPref.Avs.Metrics;

/// <summary>
/// Accumulates the official binary AVS metrics (<see cref="AvsJaccard"/>, <see cref="AvsFScore"/>)
/// batch by batch, as the AVSBench test loop does: each batch scores on its own and the run's result
/// is the plain mean of the batch scores. The official test batch is one clip with all its frames.
/// </summary>
/// <remarks>Sums are kept in double and added in call order, so a run is reproducible bit for bit. Not thread-safe.</remarks>
public sealed class BinaryMetricsAccumulator
{
    private double _jaccardSum;
    private double _fScoreSum;
    private int _frames;
    private int _batches;

    /// <summary>Scores one batch and adds it to the run.</summary>
    /// <param name="frames">Per frame: probabilities in [0, 1] (sigmoid applied) and binary ground truth, both H*W.</param>
    /// <exception cref="ArgumentException">Empty batch, mismatched lengths, probabilities outside [0, 1] or non-binary ground truth.</exception>
    public void AddBatch(IReadOnlyList<(float[] Prob, byte[] Gt)> frames)
    {
        MaskFrameChecks.ValidateBatch(frames);
        _jaccardSum += AvsJaccard.BatchUnchecked(frames);
        _fScoreSum += AvsFScore.BatchUnchecked(frames);
        _frames += frames.Count;
        _batches++;
    }

    /// <summary>
    /// Adds clips in order, <paramref name="batchClips"/> clips per batch (official: 1); a last,
    /// smaller group forms its own batch, as a data loader without drop_last gives it.
    /// </summary>
    /// <param name="clips">Each clip's frames.</param>
    /// <param name="batchClips">Clips per batch, at least 1.</param>
    public void AddClips(IEnumerable<IReadOnlyList<(float[] Prob, byte[] Gt)>> clips, int batchClips = 1)
    {
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchClips, 1);
        var batch = new List<(float[] Prob, byte[] Gt)>();
        var inBatch = 0;
        foreach (var clip in clips)
        {
            ArgumentNullException.ThrowIfNull(clip, nameof(clips));
            batch.AddRange(clip);
            if (++inBatch == batchClips)
            {
                AddBatch(batch);
                batch = [];
                inBatch = 0;
            }
        }

        if (inBatch > 0)
        {
            AddBatch(batch);
        }
    }

    /// <summary>The scores so far; all zero before the first batch.</summary>
    public BinaryMetricsResult Result => _batches == 0
        ? new BinaryMetricsResult(0, 0, 0, 0)
        : new BinaryMetricsResult(_jaccardSum / _batches, _fScoreSum / _batches, _frames, _batches);
}
