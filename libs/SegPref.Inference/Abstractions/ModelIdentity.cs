namespace SegPref.Inference.Abstractions;

/// <summary>Which model answered: its repository name and version (reported in every service reply).</summary>
/// <param name="Name">Model name in the repository (models/&lt;name&gt;/...).</param>
/// <param name="Version">Version folder (models/&lt;name&gt;/&lt;version&gt;/).</param>
public sealed record ModelIdentity(string Name, string Version)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Name}/{Version}";
}
