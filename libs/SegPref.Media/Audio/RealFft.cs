namespace SegPref.Media.Audio;

/// <summary>
/// Magnitude spectrum of a real frame of power-of-two length N, computed as one complex radix-2 FFT of
/// length N/2 over the even/odd samples packed as re/im, then split into the N/2 + 1 real-input bins.
/// </summary>
/// <remarks>Holds scratch buffers: one instance per thread.</remarks>
internal sealed class RealFft
{
    private readonly int _half;
    private readonly int[] _bitReverse;
    private readonly double[] _cos;
    private readonly double[] _sin;
    private readonly double[] _splitCos;
    private readonly double[] _splitSin;
    private readonly double[] _re;
    private readonly double[] _im;

    public RealFft(int length)
    {
        if (length < 4 || (length & (length - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "FFT length must be a power of two >= 4.");
        }

        Length = length;
        _half = length / 2;
        _bitReverse = BitReversal(_half);
        (_cos, _sin) = Twiddles(_half, _half / 2);
        (_splitCos, _splitSin) = Twiddles(length, _half + 1);
        _re = new double[_half];
        _im = new double[_half];
    }

    public int Length { get; }

    /// <summary>Writes |X[k]| for k = 0..N/2 of the real input <paramref name="frame"/> (length N).</summary>
    public void Magnitudes(ReadOnlySpan<double> frame, Span<double> magnitudes)
    {
        for (var k = 0; k < _half; k++)
        {
            var j = _bitReverse[k];
            _re[j] = frame[2 * k];
            _im[j] = frame[(2 * k) + 1];
        }

        Butterflies();

        // X[k] = E[k] + W^k O[k], with E, O the spectra of the even and odd samples recovered from Z.
        for (var k = 0; k <= _half; k++)
        {
            int a = k % _half, b = (_half - k) % _half;
            double zr = _re[a], zi = _im[a], cr = _re[b], ci = -_im[b];
            double er = 0.5 * (zr + cr), ei = 0.5 * (zi + ci);
            double or = 0.5 * (zi - ci), oi = -0.5 * (zr - cr);
            double wr = _splitCos[k], wi = -_splitSin[k];
            var xr = er + ((wr * or) - (wi * oi));
            var xi = ei + ((wr * oi) + (wi * or));
            magnitudes[k] = Math.Sqrt((xr * xr) + (xi * xi));
        }
    }

    /// <summary>In-place iterative decimation-in-time FFT of the bit-reversed (_re, _im).</summary>
    private void Butterflies()
    {
        for (var size = 2; size <= _half; size *= 2)
        {
            var step = _half / size;
            var span = size / 2;
            for (var start = 0; start < _half; start += size)
            {
                for (var j = 0; j < span; j++)
                {
                    double wr = _cos[j * step], wi = -_sin[j * step];
                    int p = start + j, q = p + span;
                    var tr = (wr * _re[q]) - (wi * _im[q]);
                    var ti = (wr * _im[q]) + (wi * _re[q]);
                    _re[q] = _re[p] - tr;
                    _im[q] = _im[p] - ti;
                    _re[p] += tr;
                    _im[p] += ti;
                }
            }
        }
    }

    private static int[] BitReversal(int n)
    {
        var bits = System.Numerics.BitOperations.Log2((uint)n);
        var table = new int[n];
        for (var i = 0; i < n; i++)
        {
            table[i] = (int)(ReverseBits((uint)i) >> (32 - bits));
        }

        return table;
    }

    private static uint ReverseBits(uint v)
    {
        var r = 0u;
        for (var i = 0; i < 32; i++, v >>= 1)
        {
            r = (r << 1) | (v & 1);
        }

        return r;
    }

    /// <summary>cos and sin of 2πk/n for k in [0, count).</summary>
    private static (double[] Cos, double[] Sin) Twiddles(int n, int count)
    {
        var cos = new double[count];
        var sin = new double[count];
        for (var k = 0; k < count; k++)
        {
            cos[k] = Math.Cos(2 * Math.PI * k / n);
            sin[k] = Math.Sin(2 * Math.PI * k / n);
        }

        return (cos, sin);
    }
}
