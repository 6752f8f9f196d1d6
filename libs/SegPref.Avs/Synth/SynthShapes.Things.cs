using SkiaSharp;

namespace SegPref.Avs.Synth;

internal static partial class SynthShapes
{
    private static void Car(SKCanvas c, SynthStyle s, SynthPen p)
    {
        Poly(c, p.Fill(s.Main), 0.2f, 0.44f, 0.32f, 0.12f, 0.7f, 0.12f, 0.82f, 0.44f);
        Poly(c, p.Fill(Glass), 0.3f, 0.42f, 0.37f, 0.19f, 0.49f, 0.19f, 0.49f, 0.42f);
        Poly(c, p.Fill(Glass), 0.53f, 0.42f, 0.53f, 0.19f, 0.66f, 0.19f, 0.74f, 0.42f);
        c.DrawRoundRect(0.01f, 0.4f, 0.98f, 0.36f, 0.06f, 0.1f, p.Fill(s.Main));
        c.DrawOval(0.96f, 0.5f, 0.025f, 0.05f, p.Fill(new SKColor(0xFF, 0xE0, 0x70)));
        foreach (var x in new[] { 0.24f, 0.76f })
        {
            c.DrawOval(x, 0.78f, 0.11f, 0.2f, p.Fill(Dark));
            c.DrawOval(x, 0.78f, 0.05f, 0.09f, p.Fill(new SKColor(0xB0, 0xB0, 0xB8)));
        }
    }

    private static void Helicopter(SKCanvas c, SynthStyle s, SynthPen p)
    {
        c.DrawRect(0.55f, 0.47f, 0.38f, 0.08f, p.Fill(s.Main));
        c.DrawLine(0.94f, 0.34f, 0.94f, 0.68f, p.Stroke(Dark, 0.03f));
        c.DrawRect(0.36f, 0.12f, 0.04f, 0.2f, p.Fill(Dark));
        c.DrawLine(0.0f, 0.12f, 0.98f, 0.12f, p.Stroke(Dark, 0.04f));
        c.DrawOval(0.38f, 0.54f, 0.26f, 0.24f, p.Fill(s.Main));
        c.DrawOval(0.5f, 0.48f, 0.11f, 0.12f, p.Fill(Glass));
        c.DrawLine(0.25f, 0.76f, 0.25f, 0.9f, p.Stroke(Dark, 0.03f));
        c.DrawLine(0.5f, 0.76f, 0.5f, 0.9f, p.Stroke(Dark, 0.03f));
        c.DrawLine(0.12f, 0.92f, 0.64f, 0.92f, p.Stroke(Dark, 0.04f));
    }

    private static void Clock(SKCanvas c, SynthStyle s, SynthPen p)
    {
        c.DrawOval(0.5f, 0.5f, 0.49f, 0.49f, p.Fill(s.Main));
        c.DrawOval(0.5f, 0.5f, 0.4f, 0.4f, p.Fill(Light));
        for (var i = 0; i < 12; i++)
        {
            var a = i * MathF.PI / 6;
            c.DrawLine(0.5f + (0.32f * MathF.Cos(a)), 0.5f + (0.32f * MathF.Sin(a)), 0.5f + (0.38f * MathF.Cos(a)), 0.5f + (0.38f * MathF.Sin(a)), p.Stroke(Dark, 0.03f));
        }

        c.DrawLine(0.5f, 0.5f, 0.3f, 0.38f, p.Stroke(Dark, 0.06f));
        c.DrawLine(0.5f, 0.5f, 0.72f, 0.2f, p.Stroke(Dark, 0.04f));
    }
}
