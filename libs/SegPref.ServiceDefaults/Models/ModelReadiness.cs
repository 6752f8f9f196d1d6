using System.Collections.Concurrent;

namespace SegPref.ServiceDefaults.Models;

/// <summary>Which of a process's models are loaded and warmed up; the process is ready when all are.</summary>
public sealed class ModelReadiness
{
    private readonly ConcurrentDictionary<string, bool> _models = new(StringComparer.Ordinal);

    /// <summary>Starts with every expected model pending.</summary>
    public ModelReadiness(IEnumerable<ExpectedModel> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        foreach (var model in expected)
        {
            _models.TryAdd(model.Role, false);
        }
    }

    /// <summary>Marks <paramref name="role"/> loaded and warmed up.</summary>
    public void MarkReady(string role) => _models[role] = true;

    /// <summary>True when every expected model is ready (also when none is expected, e.g. a pure router).</summary>
    public bool IsReady => _models.Values.All(ready => ready);

    /// <summary>Roles still loading.</summary>
    public IReadOnlyList<string> Pending => [.. _models.Where(p => !p.Value).Select(p => p.Key).Order(StringComparer.Ordinal)];
}
