using SkiaSharp;

namespace SegPref.Avs.Synth;

internal static partial class SynthShapes
{
    private static void Dog(SKCanvas c, SynthStyle s, SynthPen p)
    {
        c.DrawLine(0.17f, 0.5f, 0.04f, 0.28f, p.Stroke(s.Main, 0.06f));
        foreach (var x in new[] { 0.2f, 0.32f, 0.55f, 0.66f })
        {
            c.DrawRect(x, 0.6f, 0.08f, 0.36f, p.Fill(Shade(s.Main, 0.9f)));
        }

        c.DrawOval(0.44f, 0.55f, 0.3f, 0.17f, p.Fill(s.Main));
        c.DrawOval(0.78f, 0.36f, 0.15f, 0.17f, p.Fill(s.Main));
        c.DrawOval(0.91f, 0.44f, 0.08f, 0.07f, p.Fill(s.Main));
        c.DrawOval(0.7f, 0.42f, 0.05f, 0.14f, p.Fill(s.Second));
        c.DrawOval(0.97f, 0.41f, 0.025f, 0.03f, p.Fill(Dark));
        c.DrawOval(0.82f, 0.32f, 0.02f, 0.03f, p.Fill(Dark));
    }

    private static void Cat(SKCanvas c, SynthStyle s, SynthPen p)
    {
        using (var builder = new SKPathBuilder())
        {
            builder.MoveTo(0.2f, 0.66f);
            builder.QuadTo(0.0f, 0.6f, 0.06f, 0.12f);
            using var tail = builder.Detach();
            c.DrawPath(tail, p.Stroke(s.Main, 0.06f));
        }

        c.DrawOval(0.45f, 0.66f, 0.28f, 0.2f, p.Fill(s.Main));
        c.DrawRect(0.3f, 0.8f, 0.07f, 0.18f, p.Fill(s.Main));
        c.DrawRect(0.56f, 0.8f, 0.07f, 0.18f, p.Fill(s.Main));
        Poly(c, p.Fill(s.Main), 0.64f, 0.3f, 0.68f, 0.04f, 0.77f, 0.24f);
        Poly(c, p.Fill(s.Main), 0.81f, 0.24f, 0.9f, 0.04f, 0.93f, 0.3f);
        c.DrawOval(0.78f, 0.38f, 0.16f, 0.16f, p.Fill(s.Main));
        c.DrawOval(0.73f, 0.35f, 0.03f, 0.035f, p.Fill(new SKColor(0x6C, 0xC0, 0x4A)));
        c.DrawOval(0.85f, 0.35f, 0.03f, 0.035f, p.Fill(new SKColor(0x6C, 0xC0, 0x4A)));
        c.DrawLine(0.8f, 0.45f, 0.98f, 0.42f, p.Stroke(Light, 0.012f));
        c.DrawLine(0.8f, 0.47f, 0.98f, 0.5f, p.Stroke(Light, 0.012f));
    }

    private static void Bird(SKCanvas c, SynthStyle s, SynthPen p)
    {
        Poly(c, p.Fill(Shade(s.Main, 0.75f)), 0.26f, 0.55f, 0.0f, 0.42f, 0.02f, 0.72f);
        c.DrawOval(0.48f, 0.57f, 0.3f, 0.2f, p.Fill(s.Main));
        c.DrawOval(0.76f, 0.38f, 0.15f, 0.15f, p.Fill(s.Main));
        Poly(c, p.Fill(new SKColor(0xF0, 0x90, 0x20)), 0.88f, 0.33f, 1.0f, 0.4f, 0.88f, 0.46f);
        Poly(c, p.Fill(Shade(s.Main, 0.6f)), 0.3f, 0.52f, 0.62f, 0.5f, 0.34f, 0.1f);
        c.DrawOval(0.79f, 0.35f, 0.03f, 0.03f, p.Fill(Dark));
        c.DrawLine(0.45f, 0.75f, 0.42f, 0.95f, p.Stroke(new SKColor(0xE0, 0x90, 0x30), 0.03f));
        c.DrawLine(0.55f, 0.75f, 0.58f, 0.95f, p.Stroke(new SKColor(0xE0, 0x90, 0x30), 0.03f));
    }
}
