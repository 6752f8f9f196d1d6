namespace SegPref.Contracts.Common.V1;

/// <summary>Builds <see cref="ModelInfo"/> for replies.</summary>
public sealed partial class ModelInfo
{
    /// <summary>The model playing <paramref name="role"/>, as named in the model repository.</summary>
    /// <param name="role">"captioner", "cue-encoder", "audio-encoder" or "segmenter".</param>
    /// <param name="name">Repository model name.</param>
    /// <param name="version">Repository version folder.</param>
    public static ModelInfo From(string role, string name, string version) => new() { Role = role, Name = name, Version = version };
}
