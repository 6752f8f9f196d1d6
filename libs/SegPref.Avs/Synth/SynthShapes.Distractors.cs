using SkiaSharp;

namespace SegPref.Avs.Synth;

internal static partial class SynthShapes
{
    private static void Chair(SKCanvas c, SynthStyle s, SynthPen p)
    {
        c.DrawRect(0.12f, 0.0f, 0.14f, 0.58f, p.Fill(s.Main));
        c.DrawRect(0.12f, 0.5f, 0.78f, 0.12f, p.Fill(s.Main));
        c.DrawRect(0.12f, 0.6f, 0.1f, 0.4f, p.Fill(Shade(s.Main, 0.8f)));
        c.DrawRect(0.8f, 0.6f, 0.1f, 0.4f, p.Fill(Shade(s.Main, 0.8f)));
    }

    private static void Table(SKCanvas c, SynthStyle s, SynthPen p)
    {
        c.DrawRect(0.0f, 0.28f, 1.0f, 0.14f, p.Fill(s.Main));
        c.DrawRect(0.06f, 0.42f, 0.08f, 0.58f, p.Fill(Shade(s.Main, 0.75f)));
        c.DrawRect(0.86f, 0.42f, 0.08f, 0.58f, p.Fill(Shade(s.Main, 0.75f)));
    }

    private static void Tree(SKCanvas c, SynthStyle s, SynthPen p)
    {
        c.DrawRect(0.41f, 0.5f, 0.18f, 0.5f, p.Fill(new SKColor(0x6B, 0x45, 0x23)));
        c.DrawOval(0.28f, 0.46f, 0.26f, 0.18f, p.Fill(Shade(s.Main, 0.85f)));
        c.DrawOval(0.72f, 0.46f, 0.26f, 0.18f, p.Fill(Shade(s.Main, 0.85f)));
        c.DrawOval(0.5f, 0.3f, 0.38f, 0.28f, p.Fill(s.Main));
    }

    private static void Box(SKCanvas c, SynthStyle s, SynthPen p)
    {
        c.DrawRect(0.04f, 0.12f, 0.92f, 0.84f, p.Fill(s.Main));
        c.DrawRect(0.04f, 0.12f, 0.92f, 0.16f, p.Fill(Shade(s.Main, 0.8f)));
        c.DrawRect(0.44f, 0.12f, 0.12f, 0.5f, p.Fill(new SKColor(0xD8, 0xC8, 0x90)));
    }

    private static void Lamp(SKCanvas c, SynthStyle s, SynthPen p)
    {
        c.DrawRect(0.45f, 0.34f, 0.1f, 0.56f, p.Fill(new SKColor(0x70, 0x70, 0x78)));
        c.DrawOval(0.5f, 0.93f, 0.36f, 0.07f, p.Fill(new SKColor(0x50, 0x50, 0x58)));
        Poly(c, p.Fill(s.Main), 0.1f, 0.36f, 0.3f, 0.0f, 0.7f, 0.0f, 0.9f, 0.36f);
    }
}
