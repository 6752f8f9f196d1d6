namespace SegPref.Mesh.Launcher.Tests;

public sealed class RestartPolicyTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void NextDelay_RepeatedCrashes_BackoffDoublesUpToTheCap()
    {
        var policy = new RestartPolicy { MaxRestarts = 10, InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(5) };
        var history = new List<DateTime>();

        var delays = Enumerable.Range(0, 5).Select(i => policy.NextDelay(history, T0.AddSeconds(i))!.Value.TotalSeconds).ToArray();

        Assert.Equal([1.0, 2.0, 4.0, 5.0, 5.0], delays);
    }

    [Fact]
    public void NextDelay_MoreCrashesThanAllowedWithinTheWindow_GivesUp()
    {
        var policy = new RestartPolicy { MaxRestarts = 2, Window = TimeSpan.FromMinutes(1) };
        var history = new List<DateTime>();

        Assert.NotNull(policy.NextDelay(history, T0));
        Assert.NotNull(policy.NextDelay(history, T0.AddSeconds(10)));
        Assert.Null(policy.NextDelay(history, T0.AddSeconds(20)));
    }

    [Fact]
    public void NextDelay_OldCrashesOutsideTheWindow_AreForgotten()
    {
        var policy = new RestartPolicy { MaxRestarts = 1, Window = TimeSpan.FromMinutes(1), InitialBackoff = TimeSpan.FromSeconds(1) };
        var history = new List<DateTime>();

        Assert.Equal(TimeSpan.FromSeconds(1), policy.NextDelay(history, T0));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.NextDelay(history, T0.AddMinutes(5)));
    }
}
