using SkiaSharp;

namespace SegPref.Avs.Synth;

internal static partial class SynthShapes
{
    private static void Baby(SKCanvas c, SynthStyle s, SynthPen p)
    {
        c.DrawOval(0.5f, 0.72f, 0.36f, 0.27f, p.Fill(s.Main));
        c.DrawOval(0.14f, 0.62f, 0.1f, 0.08f, p.Fill(s.Accent));
        c.DrawOval(0.86f, 0.62f, 0.1f, 0.08f, p.Fill(s.Accent));
        c.DrawOval(0.5f, 0.3f, 0.32f, 0.27f, p.Fill(s.Accent));
        c.DrawOval(0.39f, 0.27f, 0.03f, 0.03f, p.Fill(Dark));
        c.DrawOval(0.61f, 0.27f, 0.03f, 0.03f, p.Fill(Dark));
        c.DrawOval(0.5f, 0.42f, 0.06f, 0.04f, p.Fill(new SKColor(0xC0, 0x50, 0x50)));
    }

    private static void Man(SKCanvas c, SynthStyle s, SynthPen p)
    {
        c.DrawRect(0.22f, 0.62f, 0.22f, 0.38f, p.Fill(s.Second));
        c.DrawRect(0.56f, 0.62f, 0.22f, 0.38f, p.Fill(s.Second));
        c.DrawRoundRect(0.08f, 0.22f, 0.84f, 0.44f, 0.12f, 0.05f, p.Fill(s.Main));
        c.DrawRect(0.0f, 0.26f, 0.12f, 0.34f, p.Fill(s.Main));
        c.DrawRect(0.88f, 0.26f, 0.12f, 0.34f, p.Fill(s.Main));
        c.DrawOval(0.5f, 0.12f, 0.21f, 0.1f, p.Fill(s.Accent));
        c.DrawRect(0.3f, 0.01f, 0.4f, 0.04f, p.Fill(Dark));
    }

    private static void Woman(SKCanvas c, SynthStyle s, SynthPen p)
    {
        c.DrawOval(0.5f, 0.18f, 0.28f, 0.16f, p.Fill(new SKColor(0x4A, 0x2C, 0x1A)));
        c.DrawRect(0.36f, 0.84f, 0.1f, 0.16f, p.Fill(s.Accent));
        c.DrawRect(0.54f, 0.84f, 0.1f, 0.16f, p.Fill(s.Accent));
        Poly(c, p.Fill(s.Main), 0.3f, 0.24f, 0.7f, 0.24f, 0.95f, 0.86f, 0.05f, 0.86f);
        c.DrawLine(0.3f, 0.28f, 0.12f, 0.55f, p.Stroke(s.Accent, 0.07f));
        c.DrawLine(0.7f, 0.28f, 0.88f, 0.55f, p.Stroke(s.Accent, 0.07f));
        c.DrawOval(0.5f, 0.12f, 0.18f, 0.09f, p.Fill(s.Accent));
    }
}
