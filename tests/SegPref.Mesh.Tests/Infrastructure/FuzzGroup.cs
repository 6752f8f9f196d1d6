namespace SegPref.Mesh.Tests.Infrastructure;

/// <summary>
/// The fuzz suite's own mesh, run with no other test in parallel: it measures the process's working set, which other
/// tests' hosts and models would otherwise add to.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzGroup : ICollectionFixture<MeshFixture>
{
    public const string Name = "fuzz";
}
