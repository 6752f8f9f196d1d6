namespace SegPref.Models.Training;

/// <summary>
/// The learning-rate schedule of every trainer: a linear warm-up over <paramref name="warmupSteps"/> steps, then a
/// cosine decay to <see cref="FloorFraction"/> of the peak at <paramref name="totalSteps"/>. With no warm-up it is
/// PyTorch's CosineAnnealingLR with eta_min = 5% of the peak, in closed form, so a resumed run needs only the step.
/// </summary>
internal sealed class WarmupCosine(double peak, long totalSteps, long warmupSteps)
{
    public const double FloorFraction = 0.05;

    /// <summary>The segmentation trainer's warm-up: the first 5% of the steps (at least one).</summary>
    public static WarmupCosine WithWarmupShare(double peak, long totalSteps) => new(peak, totalSteps, Math.Max(1, totalSteps / 20));

    /// <summary>The rate of the 0-based step <paramref name="step"/>.</summary>
    public double At(long step)
    {
        if (step < warmupSteps)
        {
            return peak * (step + 1) / warmupSteps;
        }

        var progress = Math.Min(1.0, (double)(step - warmupSteps) / Math.Max(1, totalSteps - warmupSteps));
        return peak * (FloorFraction + ((1 - FloorFraction) * 0.5 * (1 + Math.Cos(Math.PI * progress))));
    }
}
