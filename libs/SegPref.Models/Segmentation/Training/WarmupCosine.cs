namespace SegPref.Models.Segmentation.Training;

/// <summary>Linear warm-up over the first 5% of steps, then cosine decay to 5% of the peak.</summary>
internal sealed class WarmupCosine(double peak, long totalSteps)
{
    private readonly long _warmup = Math.Max(1, totalSteps / 20);

    public double At(long step)
    {
        if (step < _warmup)
        {
            return peak * (step + 1) / _warmup;
        }

        var progress = Math.Min(1.0, (double)(step - _warmup) / Math.Max(1, totalSteps - _warmup));
        return peak * (0.05 + (0.95 * 0.5 * (1 + Math.Cos(Math.PI * progress))));
    }
}
