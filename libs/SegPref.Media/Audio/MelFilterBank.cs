namespace SegPref.Media.Audio;

/// <summary>
/// VGGish's triangular mel weights (mel_features.spectrogram_to_mel_matrix): band edges evenly spaced on
/// the HTK mel scale, each FFT bin weighted by where its own mel value falls between a band's edges, and
/// the DC bin zeroed. Weights are stored per band over the bins where they are non-zero.
/// </summary>
internal sealed class MelFilterBank
{
    private const double MelBreakHz = 700.0;
    private const double MelHighQ = 1127.0;

    private readonly int[] _firstBin;
    private readonly double[][] _weights;

    public MelFilterBank(int bandCount, int binCount, int sampleRateHz, double lowerEdgeHz, double upperEdgeHz)
    {
        var nyquistHz = sampleRateHz / 2.0;
        if (lowerEdgeHz < 0 || lowerEdgeHz >= upperEdgeHz || upperEdgeHz > nyquistHz)
        {
            throw new ArgumentException($"Need 0 <= lower ({lowerEdgeHz} Hz) < upper ({upperEdgeHz} Hz) <= Nyquist ({nyquistHz} Hz).");
        }

        BandCount = bandCount;
        BinCount = binCount;
        var binMel = new double[binCount];
        for (var k = 0; k < binCount; k++)
        {
            binMel[k] = HertzToMel(nyquistHz * k / (binCount - 1));
        }

        double lowMel = HertzToMel(lowerEdgeHz), highMel = HertzToMel(upperEdgeHz);
        var edges = new double[bandCount + 2];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = lowMel + ((highMel - lowMel) * i / (bandCount + 1));
        }

        _firstBin = new int[bandCount];
        _weights = new double[bandCount][];
        for (var band = 0; band < bandCount; band++)
        {
            (_firstBin[band], _weights[band]) = Triangle(binMel, edges[band], edges[band + 1], edges[band + 2]);
        }
    }

    public int BandCount { get; }

    public int BinCount { get; }

    /// <summary>HTK mel scale, as VGGish uses it: 1127 ln(1 + f / 700).</summary>
    public static double HertzToMel(double hz) => MelHighQ * Math.Log(1.0 + (hz / MelBreakHz));

    public double Weight(int bin, int band)
    {
        var offset = bin - _firstBin[band];
        return offset >= 0 && offset < _weights[band].Length ? _weights[band][offset] : 0;
    }

    /// <summary>mel[band] = Σ_bin magnitudes[bin] · weight(bin, band).</summary>
    public void Apply(ReadOnlySpan<double> magnitudes, Span<double> mel)
    {
        for (var band = 0; band < _weights.Length; band++)
        {
            var weights = _weights[band];
            var bins = magnitudes.Slice(_firstBin[band], weights.Length);
            double sum = 0;
            for (var i = 0; i < weights.Length; i++)
            {
                sum += bins[i] * weights[i];
            }

            mel[band] = sum;
        }
    }

    private static (int First, double[] Weights) Triangle(double[] binMel, double lower, double centre, double upper)
    {
        var weights = new double[binMel.Length];
        int first = binMel.Length, last = -1;

        // Bin 0 (DC) stays zero, as in the reference.
        for (var k = 1; k < binMel.Length; k++)
        {
            var rising = (binMel[k] - lower) / (centre - lower);
            var falling = (upper - binMel[k]) / (upper - centre);
            weights[k] = Math.Max(0.0, Math.Min(rising, falling));
            if (weights[k] > 0)
            {
                first = Math.Min(first, k);
                last = k;
            }
        }

        return last < 0 ? (0, []) : (first, weights[first..(last + 1)]);
    }
}
