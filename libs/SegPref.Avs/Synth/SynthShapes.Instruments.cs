using SkiaSharp;

namespace SegPref.Avs.Synth;

internal static partial class SynthShapes
{
    private static void Guitar(SKCanvas c, SynthStyle s, SynthPen p)
    {
        c.DrawRect(0.43f, 0.08f, 0.14f, 0.5f, p.Fill(s.Second));
        c.DrawRect(0.36f, 0f, 0.28f, 0.1f, p.Fill(Shade(s.Second, 0.7f)));
        c.DrawOval(0.5f, 0.6f, 0.32f, 0.16f, p.Fill(s.Main));
        c.DrawOval(0.5f, 0.8f, 0.47f, 0.19f, p.Fill(s.Main));
        c.DrawOval(0.5f, 0.68f, 0.12f, 0.05f, p.Fill(Dark));
        c.DrawLine(0.5f, 0.04f, 0.5f, 0.9f, p.Stroke(Light, 0.03f));
    }

    private static void Piano(SKCanvas c, SynthStyle s, SynthPen p)
    {
        c.DrawRect(0f, 0f, 1f, 0.58f, p.Fill(s.Main));
        c.DrawRect(0.04f, 0.5f, 0.92f, 0.3f, p.Fill(Light));
        for (var i = 0; i < 9; i++)
        {
            if (i % 7 is not 2 and not 6)
            {
                c.DrawRect(0.1f + (i * 0.095f), 0.5f, 0.045f, 0.17f, p.Fill(Dark));
            }
        }

        c.DrawRect(0.04f, 0.8f, 0.06f, 0.2f, p.Fill(s.Main));
        c.DrawRect(0.9f, 0.8f, 0.06f, 0.2f, p.Fill(s.Main));
    }

    private static void Violin(SKCanvas c, SynthStyle s, SynthPen p)
    {
        c.DrawRect(0.44f, 0.04f, 0.12f, 0.34f, p.Fill(Dark));
        c.DrawOval(0.5f, 0.05f, 0.09f, 0.05f, p.Fill(Dark));
        c.DrawOval(0.5f, 0.46f, 0.36f, 0.16f, p.Fill(s.Main));
        c.DrawOval(0.5f, 0.74f, 0.46f, 0.2f, p.Fill(s.Main));
        c.DrawLine(0.36f, 0.58f, 0.36f, 0.7f, p.Stroke(Dark, 0.03f));
        c.DrawLine(0.64f, 0.58f, 0.64f, 0.7f, p.Stroke(Dark, 0.03f));
        c.DrawLine(0.05f, 0.98f, 0.95f, 0.3f, p.Stroke(new SKColor(0xC8, 0xA0, 0x70), 0.035f));
    }

    private static void Drum(SKCanvas c, SynthStyle s, SynthPen p)
    {
        c.DrawOval(0.5f, 0.82f, 0.42f, 0.12f, p.Fill(Shade(s.Main, 0.7f)));
        c.DrawRect(0.08f, 0.38f, 0.84f, 0.44f, p.Fill(s.Main));
        for (var i = 0; i < 5; i++)
        {
            var x = 0.14f + (i * 0.18f);
            c.DrawLine(x, 0.42f, x + 0.09f, 0.8f, p.Stroke(new SKColor(0xD8, 0xD8, 0xE0), 0.025f));
        }

        c.DrawOval(0.5f, 0.38f, 0.42f, 0.12f, p.Fill(Light));
        c.DrawLine(0.2f, 0.02f, 0.45f, 0.33f, p.Stroke(new SKColor(0xD0, 0xB0, 0x80), 0.04f));
        c.DrawLine(0.8f, 0.02f, 0.55f, 0.33f, p.Stroke(new SKColor(0xD0, 0xB0, 0x80), 0.04f));
    }

    private static void Trumpet(SKCanvas c, SynthStyle s, SynthPen p)
    {
        c.DrawRect(0.02f, 0.44f, 0.6f, 0.1f, p.Fill(s.Main));
        c.DrawRect(0.16f, 0.6f, 0.44f, 0.08f, p.Fill(Shade(s.Main, 0.85f)));
        Poly(c, p.Fill(s.Main), 0.58f, 0.42f, 0.98f, 0.12f, 0.98f, 0.88f, 0.58f, 0.56f);
        c.DrawOval(0.97f, 0.5f, 0.03f, 0.38f, p.Fill(Shade(s.Main, 0.6f)));
        for (var i = 0; i < 3; i++)
        {
            c.DrawRect(0.24f + (i * 0.09f), 0.22f, 0.055f, 0.22f, p.Fill(Shade(s.Main, 1.15f)));
        }

        c.DrawRect(0f, 0.46f, 0.05f, 0.06f, p.Fill(Dark));
    }
}
