namespace SegPref.Avs.Synth;

/// <summary>A clip's static background: a two-colour gradient in a random direction, soft blobs and pixel noise.</summary>
internal static class SynthBackground
{
    /// <summary>RGBA pixels (row-major, opaque) of a <paramref name="sizePx"/> square background.</summary>
    public static byte[] Draw(int sizePx, SynthRandom rng)
    {
        var a = RandomColor(rng);
        var b = RandomColor(rng);
        var angle = rng.Range(0, 2 * Math.PI);
        var (dx, dy) = (Math.Cos(angle), Math.Sin(angle));
        var blobs = Enumerable.Range(0, rng.Between(1, 4))
            .Select(_ => (X: rng.Range(0, sizePx), Y: rng.Range(0, sizePx), R: rng.Range(0.15, 0.4) * sizePx, Gain: rng.Range(-40, 40)))
            .ToArray();
        var noise = rng.Range(3, 14);
        var pixels = new byte[sizePx * sizePx * 4];
        for (var y = 0; y < sizePx; y++)
        {
            for (var x = 0; x < sizePx; x++)
            {
                var u = Math.Clamp(0.5 + ((((x - (sizePx / 2.0)) * dx) + ((y - (sizePx / 2.0)) * dy)) / sizePx), 0, 1);
                var shade = rng.Gaussian() * noise;
                foreach (var blob in blobs)
                {
                    var d2 = (((x - blob.X) * (x - blob.X)) + ((y - blob.Y) * (y - blob.Y))) / (blob.R * blob.R);
                    shade += blob.Gain * Math.Exp(-d2);
                }

                var o = ((y * sizePx) + x) * 4;
                for (var ch = 0; ch < 3; ch++)
                {
                    pixels[o + ch] = (byte)Math.Clamp(a[ch] + ((b[ch] - a[ch]) * u) + shade, 0, 255);
                }

                pixels[o + 3] = 255;
            }
        }

        return pixels;
    }

    // Muted colours so that the objects' characteristic colours stand out more often than not.
    private static double[] RandomColor(SynthRandom rng)
    {
        var baseLevel = rng.Range(60, 200);
        return [baseLevel + rng.Range(-50, 50), baseLevel + rng.Range(-50, 50), baseLevel + rng.Range(-50, 50)];
    }
}
