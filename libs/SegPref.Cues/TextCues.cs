using SegPref.Cues.Lexicon;

namespace SegPref.Cues;

/// <summary>The potential sounding objects of one frame: canonical AVSS class names, in order of first mention.</summary>
public sealed class TextCues
{
    /// <summary>No cues at all (a description without sound-capable objects).</summary>
    public static TextCues Empty { get; } = new([]);

    /// <summary>Creates cues after checking them.</summary>
    /// <param name="cues">At most <see cref="CueSlots.Count"/> distinct sound-capable AVSS class names, without padding.</param>
    /// <param name="dropped">Words the backend proposed that are not sound-capable classes (kept for diagnostics).</param>
    /// <exception cref="ArgumentException">Too many cues, a duplicate, padding, or a name that is not a sound-capable AVSS class.</exception>
    public TextCues(IReadOnlyList<string> cues, IReadOnlyList<string>? dropped = null)
    {
        ArgumentNullException.ThrowIfNull(cues);
        if (cues.Count > CueSlots.Count)
        {
            throw new ArgumentException($"At most {CueSlots.Count} cues are allowed, got {cues.Count}: {string.Join(", ", cues)}.", nameof(cues));
        }

        foreach (var cue in cues)
        {
            if (!AvssVocabulary.IsSoundCapable(cue))
            {
                throw new ArgumentException($"'{cue}' is not a sound-capable AVSS class name.", nameof(cues));
            }
        }

        if (cues.Distinct(StringComparer.Ordinal).Count() != cues.Count)
        {
            throw new ArgumentException($"Cues must be distinct: {string.Join(", ", cues)}.", nameof(cues));
        }

        Cues = [.. cues];
        Dropped = dropped is null ? [] : [.. dropped];
    }

    /// <summary>The cues, without padding.</summary>
    public IReadOnlyList<string> Cues { get; }

    /// <summary>Words a backend proposed but that were not kept (not sound-capable AVSS classes).</summary>
    public IReadOnlyList<string> Dropped { get; }

    /// <summary>The cues padded with <see cref="CueSlots.None"/> to <see cref="CueSlots.Count"/> entries.</summary>
    public string[] ToSlots()
    {
        var slots = new string[CueSlots.Count];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = i < Cues.Count ? Cues[i] : CueSlots.None;
        }

        return slots;
    }

    /// <summary>Per slot: true where the slot holds a cue, false where it is padding (the text encoder's key mask).</summary>
    public bool[] Validity()
    {
        var valid = new bool[CueSlots.Count];
        for (var i = 0; i < Cues.Count; i++)
        {
            valid[i] = true;
        }

        return valid;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(",", ToSlots());
}
