namespace SegPref.Models.Tests.Segmentation;

/// <summary>
/// Segmentation tests build modules whose initial weights come from torch's one process-wide generator; comparing
/// seeded runs needs nobody else drawing from it meanwhile, so this collection runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededTorch
{
    public const string Name = "segmentation seeded torch";
}
