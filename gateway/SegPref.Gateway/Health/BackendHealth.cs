using System.Collections.Concurrent;

namespace SegPref.Gateway.Health;

/// <summary>What the last probe of each cluster's destinations found: SERVING, or the problem.</summary>
internal sealed class BackendHealth
{
    private readonly ConcurrentDictionary<(string Cluster, string Destination), string?> _problems = new();

    public void Record(string cluster, string destination, string? problem) => _problems[(cluster, destination)] = problem;

    public void Forget(string cluster, IEnumerable<string> keep)
    {
        var kept = keep.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in _problems.Keys.Where(k => k.Cluster == cluster && !kept.Contains(k.Destination)))
        {
            _problems.TryRemove(key, out _);
        }
    }

    /// <summary>Null when at least one destination of <paramref name="cluster"/> is serving, else why not.</summary>
    public string? ClusterProblem(string cluster)
    {
        var entries = _problems.Where(p => p.Key.Cluster == cluster).ToList();
        if (entries.Count == 0)
        {
            return "not probed yet";
        }

        return entries.Any(e => e.Value is null)
            ? null
            : string.Join("; ", entries.Select(e => $"{e.Key.Destination}: {e.Value}"));
    }
}
