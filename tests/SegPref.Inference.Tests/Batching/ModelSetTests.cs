using SegPref.Inference.Abstractions;
using SegPref.Inference.Batching;
using SegPref.Inference.Repository;
using SegPref.Inference.Serving;

namespace SegPref.Inference.Tests.Batching;

/// <summary>Per-request model selection and Triton-style version policies over the committed repository.</summary>
public sealed class ModelSetTests
{
    [Fact]
    public void OpenSet_DefaultAndAlso_ResolvesByNameAndVersion()
    {
        var settings = new ServedModelSettings { Root = BatchedRunsTests.Repository, Provider = ExecutionProvider.Cpu, IntraOpThreads = 1, VersionPolicy = "latest:2" };
        settings.Also.Add(new ServedModelRef { Name = "audio-only", VersionPolicy = "specific:5" });
        using var set = Open(settings);

        Assert.Equal(new ModelIdentity("teso", "11"), set.Default.Identity);
        Assert.Equal(new ModelIdentity("teso", "9"), set.Resolve("teso", "9").Identity);
        Assert.Equal(new ModelIdentity("audio-only", "5"), set.Resolve("audio-only", null).Identity);
        Assert.Equal(new ModelIdentity("audio-only", "5"), set.Resolve("audio-only", "5").Identity);
        Assert.Equal("teso (9, 11), audio-only (5)", set.Describe());
    }

    [Fact]
    public void Resolve_UnknownNameOrVersion_NotFoundListingWhatIsServed()
    {
        using var set = Open(new ServedModelSettings { Root = BatchedRunsTests.Repository, Provider = ExecutionProvider.Cpu, IntraOpThreads = 1 });

        var name = Assert.Throws<ModelNotFoundException>(() => set.Resolve("nope", null));
        var version = Assert.Throws<ModelNotFoundException>(() => set.Resolve("teso", "2"));
        var malformed = Assert.Throws<ArgumentException>(() => set.Resolve("teso", "v2"));
        var versionOnly = Assert.Throws<ArgumentException>(() => set.Resolve(null, "8"));

        Assert.Equal("segmenter 'nope' is not served here; served: teso (11).", name.Message);
        Assert.Contains("'teso' version 2 is not served here; served versions of 'teso': 11", version.Message, StringComparison.Ordinal);
        Assert.Contains("'v2' is not a version number", malformed.Message, StringComparison.Ordinal);
        Assert.Contains("without segmenter.name", versionOnly.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("latest", new[] { "6" })]
    [InlineData("latest:3", new[] { "4", "5", "6" })]
    [InlineData("all", new[] { "1", "2", "3", "4", "5", "6" })]
    [InlineData("specific:2,5", new[] { "2", "5" })]
    public void Select_Policies_PickTheRightVersions(string policy, string[] expected)
    {
        Assert.Equal(expected, VersionPolicy.Parse(policy).Select("teso", ["1", "2", "3", "4", "5", "6"]));
    }

    [Fact]
    public void Parse_BadPolicyOrMissingVersion_ThrowsNamingIt()
    {
        Assert.Contains("latest:N", Assert.Throws<ArgumentException>(() => VersionPolicy.Parse("newest")).Message, StringComparison.Ordinal);
        Assert.Contains("version(s) 9", Assert.Throws<InvalidDataException>(() => VersionPolicy.Parse("specific:9").Select("teso", ["1", "2"])).Message, StringComparison.Ordinal);
    }

    private static ModelSet<IMaskSegmenter, SegmenterInput, SegmenterOutput> Open(ServedModelSettings settings) =>
        settings.OpenSet<IMaskSegmenter, SegmenterInput, SegmenterOutput>(
            "segmenter", ModelKinds.Segmenter, ModelKinds.TesoName, null, (m, role, policy) => Batches.Segmenter(m, role, policy, recordMetrics: false));
}
