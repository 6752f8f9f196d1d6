namespace SegPref.Avs.Synth;

/// <summary>Who is in a clip and who sounds when: objects in drawing order, sounding per frame and object.</summary>
/// <param name="Kinds">Object kinds in drawing order (AVSS class or distractor kind).</param>
/// <param name="Distractor">Per object: a silent distractor.</param>
/// <param name="Sounding">Per frame, per object: sounding in that frame (never for distractors).</param>
internal sealed record SynthCast(string[] Kinds, bool[] Distractor, bool[][] Sounding);
