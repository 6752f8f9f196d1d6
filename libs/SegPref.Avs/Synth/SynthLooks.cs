using SkiaSharp;

namespace SegPref.Avs.Synth;

/// <summary>Per-kind look parameters: width/height aspect, relative size and the named main colours.</summary>
internal static class SynthLooks
{
    private static readonly Dictionary<string, (float Aspect, float Size, (string Name, uint Rgb)[] Colors)> Table = new(StringComparer.Ordinal)
    {
        ["guitar"] = (0.5f, 1.0f, [("red", 0xC0392B), ("brown", 0x8B5A2B), ("orange", 0xD9822B)]),
        ["piano"] = (1.4f, 1.0f, [("black", 0x1E1E1E), ("brown", 0x5C3A21)]),
        ["violin"] = (0.45f, 0.85f, [("brown", 0x7B3F1D), ("red", 0x9E3B1B)]),
        ["drum"] = (1.0f, 0.85f, [("red", 0xC62828), ("blue", 0x1E5BB8), ("silver", 0xA8A8B0)]),
        ["trumpet"] = (1.6f, 0.8f, [("golden", 0xE0B030), ("silver", 0xC8C8D0)]),
        ["dog"] = (1.3f, 0.9f, [("brown", 0x8D5524), ("tan", 0xC8A165), ("black", 0x2B2B2B), ("white", 0xEDEDE6)]),
        ["cat"] = (1.1f, 0.75f, [("grey", 0x8A8A8A), ("orange", 0xE08A2E), ("black", 0x262626), ("white", 0xF0F0F0)]),
        ["bird"] = (1.0f, 0.5f, [("blue", 0x2F6FD6), ("red", 0xD62F2F), ("yellow", 0xF2D22E), ("green", 0x3FA34D)]),
        ["car"] = (1.7f, 1.0f, [("red", 0xD0312D), ("blue", 0x2A5CAA), ("white", 0xF2F2F2), ("green", 0x2E8B57), ("yellow", 0xF1C40F)]),
        ["helicopter"] = (1.6f, 1.0f, [("yellow", 0xE8B923), ("green", 0x4B6B3A), ("red", 0xB82E2E), ("grey", 0x7D848C)]),
        ["baby"] = (0.75f, 0.7f, [("pink", 0xF4A6C0), ("blue", 0x9CC7F0), ("yellow", 0xF5E17A)]),
        ["clock"] = (1.0f, 0.7f, [("black", 0x202020), ("brown", 0x6B4226), ("silver", 0xB0B3B8)]),
        ["man"] = (0.45f, 1.15f, [("blue", 0x22407A), ("grey", 0x5A5F66), ("black", 0x1F1F24), ("green", 0x355E3B)]),
        ["woman"] = (0.45f, 1.1f, [("red", 0xC0304A), ("purple", 0x7D3C98), ("green", 0x2E9C6A), ("yellow", 0xE8C13A)]),
        ["chair"] = (0.75f, 0.8f, [("wooden", 0x9A6B3F), ("white", 0xE6E6E6), ("black", 0x2A2A2A)]),
        ["table"] = (1.5f, 0.8f, [("wooden", 0x8B5E34), ("white", 0xE8E8E8), ("grey", 0x8E9196)]),
        ["tree"] = (0.8f, 1.1f, [("green", 0x2F7D32), ("dark green", 0x1F5A25)]),
        ["box"] = (1.0f, 0.65f, [("brown", 0xB08550), ("white", 0xE4E0D6)]),
        ["lamp"] = (0.5f, 0.9f, [("yellow", 0xF5D76E), ("white", 0xF2EFE6)]),
    };

    /// <summary>Width over height of the kind's box.</summary>
    public static float Aspect(string kind) => Entry(kind).Aspect;

    /// <summary>Typical size relative to the others (birds small, people tall).</summary>
    public static float Size(string kind) => Entry(kind).Size;

    /// <summary>Draws a style: a named main colour with jitter, secondary colours and mirroring.</summary>
    public static SynthStyle DrawStyle(string kind, SynthRandom rng)
    {
        var (name, rgb) = rng.Pick(Entry(kind).Colors);
        var main = Jitter(new SKColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb), rng, 18);
        var second = Jitter(new SKColor(0x40, 0x30, 0x28), rng, 30);
        var accent = Jitter(new SKColor(0xF0, 0xD0, 0xA8), rng, 20); // skin / light parts
        return new SynthStyle(main, name, second, accent, rng.Chance(0.5));
    }

    private static SKColor Jitter(SKColor c, SynthRandom rng, int amount)
    {
        var d = rng.Between(-amount, amount);
        return new SKColor(Clamp(c.Red + d + rng.Between(-6, 6)), Clamp(c.Green + d + rng.Between(-6, 6)), Clamp(c.Blue + d + rng.Between(-6, 6)));
    }

    private static byte Clamp(int v) => (byte)Math.Clamp(v, 0, 255);

    private static (float Aspect, float Size, (string Name, uint Rgb)[] Colors) Entry(string kind) =>
        Table.TryGetValue(kind, out var e) ? e : throw new ArgumentException($"No AVS-Synth look for kind '{kind}'.", nameof(kind));
}
