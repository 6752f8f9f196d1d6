using SegPref.Inference.Repository;

namespace SegPref.Inference.Abstractions;

/// <summary>What every served model tells about itself.</summary>
public interface IServedModel
{
    /// <summary>The model that answers.</summary>
    ModelIdentity Identity { get; }

    /// <summary>Its config.json (serving fields included), or null for a model built in code.</summary>
    ModelConfig? Config { get; }
}
