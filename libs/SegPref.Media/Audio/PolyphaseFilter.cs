namespace SegPref.Media.Audio;

/// <summary>
/// Applies a <see cref="KaiserSincKernel"/> at the output instants of a rational rate change. Output sample
/// i sits at input time i·down/up (rates reduced by their gcd); its fractional part r/up picks one of
/// <c>up</c> tap sets, built lazily so odd ratios with many phases only pay for the phases they use.
/// </summary>
internal sealed class PolyphaseFilter
{
    private readonly int _up;
    private readonly int _down;
    private readonly int _sourceRateHz;
    private readonly int _targetRateHz;
    private readonly KaiserSincKernel _kernel;
    private readonly int _reach;
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
        _phases = new float[]?[_up];
    }

    public float[] Apply(float[] input)
    {
        var output = new float[Resampler.OutputLength(input.Length, _sourceRateHz, _targetRateHz)];
        for (var i = 0; i < output.Length; i++)
        {
            var position = (long)i * _down;
            var centre = position / _up;
            var phase = (int)(position % _up);
            var taps = _phases[phase] ??= BuildTaps(phase);

            // Tap k multiplies input[centre - reach + k]; clip the window to the signal (zeros outside).
            var start = centre - _reach;
            var first = (int)Math.Max(0, -start);
            var last = (int)Math.Min(taps.Length, input.Length - start);
            if (last > first)
            {
                output[i] = Resampler.Dot(taps.AsSpan(first, last - first), input.AsSpan((int)(start + first), last - first));
            }
        }

        return output;
    }

    private float[] BuildTaps(int phase)
    {
        var fraction = (double)phase / _up;
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
