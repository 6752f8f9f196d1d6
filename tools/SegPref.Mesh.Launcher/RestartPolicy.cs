namespace SegPref.Mesh.Launcher;

/// <summary>
/// Restarts as Kubernetes does for a pod: after a crash wait <see cref="InitialBackoff"/>, doubling per recent crash up
/// to <see cref="MaxBackoff"/>; unlike Kubernetes, give up after <see cref="MaxRestarts"/> crashes within
/// <see cref="Window"/> (a crash loop that no wait will fix), with a message naming the process and its last output.
/// </summary>
public sealed record RestartPolicy
{
    /// <summary>Restarts allowed within <see cref="Window"/>; the next crash gives up. 0 = never restart.</summary>
    public int MaxRestarts { get; init; } = 5;

    /// <summary>How far back crashes count.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Wait before the first restart.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait before a restart.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// What to do after a crash at <paramref name="now"/>, given the earlier crashes (<paramref name="history"/>, which
    /// this call extends): the wait before restarting, or null to give up.
    /// </summary>
    public TimeSpan? NextDelay(List<DateTime> history, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(history);
        history.RemoveAll(t => now - t > Window);
        history.Add(now);
        if (history.Count > MaxRestarts)
        {
            return null;
        }

        var factor = Math.Pow(2, history.Count - 1);
        return TimeSpan.FromTicks((long)Math.Min(MaxBackoff.Ticks, InitialBackoff.Ticks * factor));
    }
}
