using System.Runtime.InteropServices;
using SegPref.Avs.Avss;
using SegPref.Media.Masks;
using SkiaSharp;

namespace SegPref.Avs.Synth;

/// <summary>Paints frames and derives silhouettes, visibility and label maps from the same geometry.</summary>
internal static class SynthRenderer
{
    /// <summary>Per object (drawing order): which pixels its silhouette covers in frame <paramref name="frame"/>.</summary>
    public static bool[][] Silhouettes(IReadOnlyList<SynthObjectPlan> plans, int sizePx, int frame)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(sizePx, sizePx, SKColorType.Alpha8, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        using var pen = new SynthPen(silhouette: true);
        var result = new bool[plans.Count][];
        for (var i = 0; i < plans.Count; i++)
        {
            canvas.Clear(SKColors.Transparent);
            SynthShapes.Draw(canvas, plans[i].Kind, plans[i].Boxes[frame], plans[i].Style, pen);
            canvas.Flush();
            var alpha = bitmap.GetPixelSpan();
            result[i] = new bool[sizePx * sizePx];
            for (var y = 0; y < sizePx; y++)
            {
                for (var x = 0; x < sizePx; x++)
                {
                    result[i][(y * sizePx) + x] = alpha[(y * bitmap.RowBytes) + x] >= 128;
                }
            }
        }

        return result;
    }

    /// <summary>Per pixel: the index of the last-drawn object covering it, or -1.</summary>
    public static int[] TopMost(bool[][] silhouettes, int pixelCount)
    {
        var top = new int[pixelCount];
        Array.Fill(top, -1);
        for (var i = 0; i < silhouettes.Length; i++)
        {
            for (var p = 0; p < pixelCount; p++)
            {
                top[p] = silhouettes[i][p] ? i : top[p];
            }
        }

        return top;
    }

    /// <summary>Per object: the fraction of its silhouette that no later object covers (0 when it has no pixels).</summary>
    public static double[] VisibleFractions(IReadOnlyList<SynthObjectPlan> plans, int sizePx, int frame)
    {
        var silhouettes = Silhouettes(plans, sizePx, frame);
        var top = TopMost(silhouettes, sizePx * sizePx);
        return silhouettes.Select((s, i) =>
        {
            var own = s.Count(v => v);
            return own == 0 ? 0.0 : (double)top.Count(o => o == i) / own;
        }).ToArray();
    }

    /// <summary>The AVSS label map: pixels whose top object sounds get its class index, everything else 0.</summary>
    public static LabelMap Labels(IReadOnlyList<SynthObjectPlan> plans, bool[] sounding, int sizePx, int frame)
    {
        var top = TopMost(Silhouettes(plans, sizePx, frame), sizePx * sizePx);
        var classIndex = plans.Select((o, i) => sounding[i] && !o.Distractor ? (byte)AvssClasses.IndexOf(o.Kind) : (byte)0).ToArray();
        var map = new LabelMap(sizePx, sizePx);
        for (var p = 0; p < top.Length; p++)
        {
            map.Indices[p] = top[p] < 0 ? (byte)0 : classIndex[top[p]];
        }

        return map;
    }

    /// <summary>Paints the objects over the clip background and encodes the frame.</summary>
    public static byte[] EncodeFrame(byte[] backgroundRgba, IReadOnlyList<SynthObjectPlan> plans, int sizePx, int frame, SynthFrameFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(sizePx, sizePx, SKColorType.Rgba8888, SKAlphaType.Opaque));
        Marshal.Copy(backgroundRgba, 0, bitmap.GetPixels(), backgroundRgba.Length);
        using (var canvas = new SKCanvas(bitmap))
        using (var pen = new SynthPen(silhouette: false))
        {
            foreach (var plan in plans)
            {
                SynthShapes.Draw(canvas, plan.Kind, plan.Boxes[frame], plan.Style, pen);
            }

            canvas.Flush();
        }

        using var data = format == SynthFrameFormat.Png
            ? bitmap.Encode(SKEncodedImageFormat.Png, 100)
            : bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
