using SkiaSharp;

namespace SegPref.Avs.Synth;

/// <summary>One object of a clip: kind, look and its box in every frame (pixels).</summary>
internal sealed record SynthObjectPlan(string Kind, bool Distractor, SynthStyle Style, SKRect[] Boxes);
