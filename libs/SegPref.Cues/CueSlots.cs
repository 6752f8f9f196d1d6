namespace SegPref.Cues;

/// <summary>The fixed cue layout of TeSO: every frame has <see cref="Count"/> slots, unused ones hold <see cref="None"/>.</summary>
public static class CueSlots
{
    /// <summary>The literal that fills unused slots (the paper's release stores it as text).</summary>
    public const string None = "None";

    /// <summary>Number of cue slots per frame.</summary>
    public const int Count = 4;
}
