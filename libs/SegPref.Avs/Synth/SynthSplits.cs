namespace SegPref.Avs.Synth;

/// <summary>The AVS-Synth split names as written in metadata.csv.</summary>
public static class SynthSplits
{
    /// <summary>Training split (configured priors).</summary>
    public const string Train = "train";

    /// <summary>Validation split (configured priors).</summary>
    public const string Val = "val";

    /// <summary>Test split (configured priors).</summary>
    public const string Test = "test";

    /// <summary>Counterfactual test split: every prior p becomes 1 - p.</summary>
    public const string TestCounter = "test-counter";

    /// <summary>All splits in generation order; the position is the split's stream index.</summary>
    public static IReadOnlyList<string> All { get; } = [Train, Val, Test, TestCounter];
}
