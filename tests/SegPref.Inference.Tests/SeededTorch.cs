namespace SegPref.Inference.Tests;

/// <summary>
/// torch.manual_seed seeds one process-wide generator: the tests that seed it and build random models run in this
/// collection, sequentially and alone, so another test's draws cannot change their weights.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededTorch
{
    public const string Name = "seeded torch";
}
