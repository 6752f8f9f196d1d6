namespace SegPref.Avs.Data;

/// <summary>Command-line names and descriptions of <see cref="AvsDataFormat"/>.</summary>
public static class AvsDataFormats
{
    /// <summary>The names `--format` accepts (besides auto), in enum order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["synth", "avss", "s4", "ms3"];

    /// <summary>The command-line name of <paramref name="format"/>.</summary>
    public static string Name(AvsDataFormat format) => Names[(int)format];

    /// <summary>The format called <paramref name="name"/>; null for "auto" or null (detect it).</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static AvsDataFormat? Parse(string? name)
    {
        if (name is null || name.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var index = Names.Select((n, i) => (n, i)).FirstOrDefault(p => p.n.Equals(name, StringComparison.OrdinalIgnoreCase), (n: "", i: -1)).i;
        return index >= 0 ? (AvsDataFormat)index : throw new ArgumentException($"Unknown data format '{name}' (expected auto, {string.Join(", ", Names)}).", nameof(name));
    }

    /// <summary>What the format is, in words ("AVSBench S4").</summary>
    public static string Describe(AvsDataFormat format) => format switch
    {
        AvsDataFormat.Synth => "AVS-Synth",
        AvsDataFormat.Avss => "the AVSS release",
        AvsDataFormat.S4 => "AVSBench S4",
        AvsDataFormat.Ms3 => "AVSBench MS3",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
