namespace SegPref.Models.Captioning;

/// <summary>Hyper-parameters of <see cref="CaptionerTrainer"/> (saved in the run's config.json).</summary>
public sealed record CaptionerTrainingOptions
{
    /// <summary>
    /// Passes over the training frames (30: with flip augmentation validation keeps improving to about epoch 27; about
    /// 33 s an epoch on 2 quiet cores, so the four encoders still train in under 30 minutes together).
    /// </summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Frames per optimiser step.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Peak AdamW learning rate (linear warm-up, then cosine decay to 5% of it).</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Warm-up steps.</summary>
    public int WarmupSteps { get; init; } = 200;

    /// <summary>AdamW decoupled weight decay.</summary>
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>Label smoothing of the training cross-entropy (validation loss is plain cross-entropy).</summary>
    public double LabelSmoothing { get; init; } = 0.1;

    /// <summary>Weight of the auxiliary visible-kinds BCE loss (0 = caption loss only).</summary>
    public double ObjectLossWeight { get; init; } = 1.0;

    /// <summary>
    /// Probability of mirroring a training frame left-right (its description gets "left" and "right" swapped);
    /// 0 turns the augmentation off.
    /// </summary>
    public double FlipProbability { get; init; } = 0.5;

    /// <summary>Gradient norm clip.</summary>
    public double GradientClip { get; init; } = 1.0;

    /// <summary>Seed of torch (weights, dropout) and of the shuffling.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>CPU threads for torch.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>Validation frames decoded greedily each epoch for BLEU-4 and object recall/precision (val loss uses all).</summary>
    public int ValidationDecodeFrames { get; init; } = 200;

    /// <summary>Beam width of the final test evaluation with beam search.</summary>
    public int TestBeamWidth { get; init; } = 3;

    /// <summary>Cap on frames per split (null = all); for quick runs and tests.</summary>
    public int? MaxFramesPerSplit { get; init; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (Epochs < 1 || BatchSize < 1 || Threads < 1 || WarmupSteps < 0 || ValidationDecodeFrames < 1 || TestBeamWidth < 1)
        {
            throw new ArgumentException("Epochs, batch size, threads, validation frames and beam width must be >= 1 and warm-up >= 0.");
        }

        if (!(LearningRate > 0) || WeightDecay < 0 || LabelSmoothing is < 0 or >= 1 || !(GradientClip > 0) || MaxFramesPerSplit is < 1 || ObjectLossWeight < 0 || FlipProbability is < 0 or > 1)
        {
            throw new ArgumentException($"Bad optimiser settings: lr {LearningRate}, weight decay {WeightDecay}, label smoothing {LabelSmoothing}, clip {GradientClip}, max frames {MaxFramesPerSplit}, object loss weight {ObjectLossWeight}, flip probability {FlipProbability}.");
        }
    }
}
