namespace SegPref.Media.Audio;

/// <summary>
/// Applies a <see cref="KaiserSincKernel"/> at the output instants of a rational rate change. Output sample
/// i sits at input time i·down/up (rates reduced by their gcd); its fractional part r/up picks one of
/// <c>up</c> tap sets, built lazily so odd ratios with many phases only pay for the phases they use.
/// </summary>
/// <remarks>
/// Memory is bounded: when <c>up</c> tap sets would exceed <see cref="MaxTableFloats"/> (an odd source rate such
/// as 383,999 Hz has 16,000 phases of 3,235 taps, 207 MB), the fraction is instead placed on a grid of as many
/// phases as fit, and the output is interpolated linearly between the two neighbouring grid phases. The kernel is
/// smooth on that grid (its cutoff shrinks as the taps grow), so the error stays far below the window's stopband.
/// Common rates (8, 11.025, 22.05, 44.1, 48, 96 kHz to 16 kHz) stay on the exact path.
/// </remarks>
internal sealed class PolyphaseFilter
{
    /// <summary>Most floats kept in tap tables (16 MB).</summary>
    internal const int MaxTableFloats = 4 * 1024 * 1024;

    private readonly int _up;
    private readonly int _down;
    private readonly int _sourceRateHz;
    private readonly int _targetRateHz;
    private readonly KaiserSincKernel _kernel;
    private readonly int _reach;
    private readonly int _grid;
    private readonly float[]?[] _phases;

    public PolyphaseFilter(int sourceRateHz, int targetRateHz, KaiserSincKernel kernel)
    {
        var gcd = Gcd(sourceRateHz, targetRateHz);
        _up = targetRateHz / gcd;
        _down = sourceRateHz / gcd;
        _sourceRateHz = sourceRateHz;
        _targetRateHz = targetRateHz;
        _kernel = kernel;
        _reach = (int)Math.Ceiling(kernel.HalfWidth);
        var taps = (2 * _reach) + 1;

        // 0 = exact (one table per phase); otherwise the number of grid intervals, with grid + 1 tables.
        _grid = (long)_up * taps <= MaxTableFloats ? 0 : Math.Max(2, (MaxTableFloats / taps) - 1);
        _phases = new float[]?[_grid == 0 ? _up : _grid + 1];
    }

    /// <summary>True when the fractional positions are interpolated on a grid (see remarks).</summary>
    internal bool UsesPhaseGrid => _grid > 0;

    public float[] Apply(float[] input)
    {
        var output = new float[Resampler.OutputLength(input.Length, _sourceRateHz, _targetRateHz)];
        for (var i = 0; i < output.Length; i++)
        {
            var position = (long)i * _down;
            var centre = position / _up;
            var phase = (int)(position % _up);
            if (_grid == 0)
            {
                output[i] = Dot(_phases[phase] ??= BuildTaps((double)phase / _up), input, centre);
                continue;
            }

            var x = (double)phase / _up * _grid;
            var k = (int)x;
            var weight = (float)(x - k);
            var lower = Dot(_phases[k] ??= BuildTaps((double)k / _grid), input, centre);
            var upper = weight == 0 ? 0 : Dot(_phases[k + 1] ??= BuildTaps((double)(k + 1) / _grid), input, centre);
            output[i] = lower + (weight * (upper - lower));
        }

        return output;
    }

    // Tap k multiplies input[centre - reach + k]; clip the window to the signal (zeros outside).
    private float Dot(float[] taps, float[] input, long centre)
    {
        var start = centre - _reach;
        var first = (int)Math.Max(0, -start);
        var last = (int)Math.Min(taps.Length, input.Length - start);
        return last > first ? Resampler.Dot(taps.AsSpan(first, last - first), input.AsSpan((int)(start + first), last - first)) : 0;
    }

    private float[] BuildTaps(double fraction)
    {
        var taps = new float[(2 * _reach) + 1];
        for (var k = 0; k < taps.Length; k++)
        {
            taps[k] = (float)_kernel.Evaluate(fraction - (k - _reach));
        }

        return taps;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
