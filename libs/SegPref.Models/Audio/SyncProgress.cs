namespace SegPref.Models.Audio;

/// <summary>An IProgress that calls back on the reporting thread (Progress&lt;T&gt; posts to the thread pool and reorders reports).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
