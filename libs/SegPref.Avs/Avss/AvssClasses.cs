namespace SegPref.Avs.Avss;

/// <summary>The 71 AVSS class names in index order (0 = background), as in label2idx.json.</summary>
public static class AvssClasses
{
    /// <summary>Class names; the position is the training index (label2idx.json value - 1).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "background", "accordion", "airplane", "axe", "baby", "bassoon", "bell", "bird",
        "boat", "boy", "bus", "car", "cat", "cello", "clarinet", "clipper", "clock", "dog", "donkey", "drum", "duck",
        "elephant", "emergency-car", "erhu", "flute", "frying-food", "girl", "goose", "guitar", "gun", "guzheng",
        "hair-dryer", "handpan", "harmonica", "harp", "helicopter", "hen", "horse", "keyboard", "leopard", "lion", "man",
        "marimba", "missile-rocket", "motorcycle", "mower", "parrot", "piano", "pig", "pipa", "saw", "saxophone",
        "sheep", "sitar", "sorna", "squirrel", "tabla", "tank", "tiger", "tractor", "train", "trombone", "truck",
        "trumpet", "tuba", "ukulele", "utv", "vacuum-cleaner", "violin", "wolf", "woman",
    ];

    private static readonly Dictionary<string, int> IndexByName =
        Names.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);

    /// <summary>The training index of a class name (0 = background).</summary>
    /// <exception cref="KeyNotFoundException">The name is not an AVSS class.</exception>
    public static int IndexOf(string name) =>
        TryIndexOf(name, out var index) ? index : throw new KeyNotFoundException($"'{name}' is not one of the 71 AVSS classes.");

    /// <summary>Looks up the training index of a class name.</summary>
    public static bool TryIndexOf(string name, out int index) => IndexByName.TryGetValue(name, out index);

    /// <summary>label2idx.json content: name -> 1-based index.</summary>
    public static IReadOnlyDictionary<string, int> Label2Idx() =>
        Names.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index + 1, StringComparer.Ordinal);
}
