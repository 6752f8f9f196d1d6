namespace SegPref.Media.Audio;

/// <summary>
/// Low-pass interpolation kernel h(x) = c·sinc(c·x)·kaiser(x / halfWidth), x in input samples, where c is
/// the cutoff as a fraction of the input Nyquist frequency; its integral is 1, so DC gain is unity.
/// </summary>
internal sealed class KaiserSincKernel
{
    private readonly double _cutoff;
    private readonly double _beta;
    private readonly double _besselBeta;

    /// <param name="cutoff">Cutoff as a fraction of the input Nyquist frequency, in (0, 1].</param>
    /// <param name="zeroCrossings">Sinc zero crossings kept on each side of the centre.</param>
    /// <param name="beta">Kaiser window shape; about 8.6 gives roughly 86 dB of stopband attenuation.</param>
    public KaiserSincKernel(double cutoff, int zeroCrossings, double beta)
    {
        _cutoff = cutoff;
        _beta = beta;
        _besselBeta = BesselI0(beta);
        HalfWidth = zeroCrossings / cutoff;
    }

    /// <summary>Support radius in input samples; h is zero at and beyond it.</summary>
    public double HalfWidth { get; }

    public double Evaluate(double x)
    {
        var r = x / HalfWidth;
        if (Math.Abs(r) >= 1)
        {
            return 0;
        }

        var u = Math.PI * _cutoff * x;
        var sinc = Math.Abs(u) < 1e-12 ? 1 : Math.Sin(u) / u;
        return _cutoff * sinc * BesselI0(_beta * Math.Sqrt(1 - (r * r))) / _besselBeta;
    }

    /// <summary>Modified Bessel function of the first kind, order 0, by its power series.</summary>
    private static double BesselI0(double x)
    {
        double sum = 1, term = 1, quarterSquare = x * x / 4;
        for (var k = 1; k < 200 && term > sum * 1e-17; k++)
        {
            term *= quarterSquare / ((double)k * k);
            sum += term;
        }

        return sum;
    }
}
