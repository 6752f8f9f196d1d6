using SkiaSharp;

namespace SegPref.Avs.Synth;

/// <summary>How one object looks in a clip: named main colour, secondary colours, mirroring and size word.</summary>
/// <param name="Main">Main colour (jittered).</param>
/// <param name="MainName">Colour adjective a description may use for <paramref name="Main"/>.</param>
/// <param name="Second">Secondary colour.</param>
/// <param name="Accent">Accent colour.</param>
/// <param name="Flip">Mirrored left-right.</param>
internal sealed record SynthStyle(SKColor Main, string MainName, SKColor Second, SKColor Accent, bool Flip);
