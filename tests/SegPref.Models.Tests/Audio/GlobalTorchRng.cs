namespace SegPref.Models.Tests.Audio;

/// <summary>
/// Tests that compare seeded runs: torch.manual_seed seeds one process-wide generator, so these must not run while
/// any other test class draws from it. DisableParallelization runs this collection alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalTorchRng
{
    public const string Name = "global torch RNG";
}
