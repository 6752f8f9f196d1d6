using System.Globalization;
using SegPref.Inference.Abstractions;
using SegPref.Inference.Batching;

namespace SegPref.Inference.Serving;

/// <summary>
/// Every model (name, version) a service serves in one role, each behind its own batcher, and the default one.
/// Requests pick one by name and optional version (<see cref="Resolve"/>); no name means the default, no version the
/// highest version served under that name.
/// </summary>
/// <typeparam name="TModel">The model interface.</typeparam>
/// <typeparam name="TRequest">One request.</typeparam>
/// <typeparam name="TResult">One request's result.</typeparam>
public sealed class ModelSet<TModel, TRequest, TResult> : IDisposable
    where TModel : IServedModel
{
    private readonly Dictionary<string, List<BatchedModel<TModel, TRequest, TResult>>> _byName = new(StringComparer.Ordinal);

    /// <summary>Groups <paramref name="models"/>; <paramref name="defaultModel"/> answers requests that name none.</summary>
    /// <exception cref="ArgumentException">No models, the default is not among them, or a (name, version) twice.</exception>
    public ModelSet(string role, IReadOnlyList<BatchedModel<TModel, TRequest, TResult>> models, BatchedModel<TModel, TRequest, TResult> defaultModel)
    {
        ArgumentNullException.ThrowIfNull(models);
        Role = role;
        if (models.Count == 0 || !models.Contains(defaultModel))
        {
            throw new ArgumentException($"A {role} model set needs at least one model, the default among them.", nameof(models));
        }

        foreach (var model in models)
        {
            var versions = _byName.TryGetValue(model.Identity.Name, out var list) ? list : _byName[model.Identity.Name] = [];
            if (versions.Any(v => v.Identity.Version == model.Identity.Version))
            {
                throw new ArgumentException($"{role} {model.Identity} is listed twice.", nameof(models));
            }

            versions.Add(model);
            versions.Sort((a, b) => CompareVersions(a.Identity.Version, b.Identity.Version));
        }

        All = models;
        Default = defaultModel;
    }

    /// <summary>The role ("segmenter", ...).</summary>
    public string Role { get; }

    /// <summary>The model of requests that name none.</summary>
    public BatchedModel<TModel, TRequest, TResult> Default { get; }

    /// <summary>Every model served.</summary>
    public IReadOnlyList<BatchedModel<TModel, TRequest, TResult>> All { get; }

    /// <summary>The model called <paramref name="name"/> (empty = the default) at <paramref name="version"/> (empty = its highest served).</summary>
    /// <exception cref="ArgumentException">A version that is not a version number.</exception>
    /// <exception cref="ModelNotFoundException">No such model, or that version is not served.</exception>
    public BatchedModel<TModel, TRequest, TResult> Resolve(string? name, string? version)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.IsNullOrWhiteSpace(version)
                ? Default
                : throw new ArgumentException($"{Role}.version '{version}' was given without {Role}.name; name the model too.", nameof(version));
        }

        if (!_byName.TryGetValue(name, out var versions))
        {
            throw new ModelNotFoundException($"{Role} '{name}' is not served here; served: {Describe()}.");
        }

        if (string.IsNullOrWhiteSpace(version))
        {
            return versions[^1];
        }

        if (!long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new ArgumentException($"{Role}.version '{version}' is not a version number (a positive integer, e.g. \"{versions[^1].Identity.Version}\").", nameof(version));
        }

        return versions.FirstOrDefault(v => v.Identity.Version == version)
            ?? throw new ModelNotFoundException($"{Role} '{name}' version {version} is not served here; served versions of '{name}': {string.Join(", ", versions.Select(v => v.Identity.Version))}.");
    }

    /// <summary>"teso (5, 6), audio-only (3)".</summary>
    public string Describe() => string.Join(", ", _byName.Select(p => $"{p.Key} ({string.Join(", ", p.Value.Select(v => v.Identity.Version))})"));

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var model in All)
        {
            model.Dispose();
        }
    }

    private static int CompareVersions(string a, string b) =>
        long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var x) && long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : string.CompareOrdinal(a, b);
}
