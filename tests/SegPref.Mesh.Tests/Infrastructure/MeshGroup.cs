namespace SegPref.Mesh.Tests.Infrastructure;

/// <summary>Tests that share one running mesh.</summary>
[CollectionDefinition(Name)]
public sealed class MeshGroup : ICollectionFixture<MeshFixture>
{
    public const string Name = "mesh";
}
