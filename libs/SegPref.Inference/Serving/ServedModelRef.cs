namespace SegPref.Inference.Serving;

/// <summary>One more model a service serves beside its default (section Models:Also:N).</summary>
public sealed class ServedModelRef
{
    /// <summary>Model name in the repository.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Which versions: latest (default), latest:N, all, specific:V1,V2.</summary>
    public string? VersionPolicy { get; set; }
}
