namespace SegPref.Avs.Original;

/// <summary>The two subsets of the original AVSBench release.</summary>
public enum AvsBenchSubset
{
    /// <summary>Single sound source (23 categories; train masks on frame 1 only).</summary>
    S4,

    /// <summary>Multiple sound sources (no category folder level).</summary>
    Ms3,
}
