namespace SegPref.Models.Captioning;

/// <summary>Linear warm-up to the peak rate, then cosine decay to <see cref="FloorFraction"/> of it at the last step.</summary>
internal static class LearningRateSchedule
{
    public const double FloorFraction = 0.05;

    public static double At(int step, int totalSteps, int warmupSteps, double peak)
    {
        if (step < warmupSteps)
        {
            return peak * (step + 1) / warmupSteps;
        }

        var span = Math.Max(1, totalSteps - warmupSteps);
        var progress = Math.Min(1.0, (double)(step - warmupSteps) / span);
        return peak * (FloorFraction + ((1 - FloorFraction) * 0.5 * (1 + Math.Cos(Math.PI * progress))));
    }
}
