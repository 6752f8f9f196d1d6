using System.Buffers;

namespace SegPref.Media.Audio;

public static partial class VggishLogMel
{
    private const int BinCount = (FftLength / 2) + 1;

    private static readonly MelFilterBank MelBank =
        new(LogMelExamples.BandCount, BinCount, SampleRateHz, LowerEdgeHz, UpperEdgeHz);

    private static readonly double[] HannWindow = PeriodicHann(WindowLength);

    /// <summary>The mel weights, exposed for parity tests against the reference matrix.</summary>
    internal static MelFilterBank FilterBank => MelBank;

    /// <summary>
    /// Log-mel frames [frameCount, 64] of 16 kHz samples, framed without padding:
    /// frameCount = 1 + (n - 400) / 160, or 0 when n &lt; 400.
    /// </summary>
    internal static (float[] Frames, int FrameCount) LogMelFrames(ReadOnlySpan<float> samples)
    {
        var frameCount = samples.Length < WindowLength ? 0 : 1 + ((samples.Length - WindowLength) / HopLength);
        var output = new float[frameCount * LogMelExamples.BandCount];
        var fft = new RealFft(FftLength);
        var buffer = ArrayPool<double>.Shared.Rent(FftLength + BinCount + LogMelExamples.BandCount);
        try
        {
            // The tail of the FFT input beyond the window stays zero: VGGish zero-pads 400 -> 512.
            var frame = buffer.AsSpan(0, FftLength);
            var magnitudes = buffer.AsSpan(FftLength, BinCount);
            var mel = buffer.AsSpan(FftLength + BinCount, LogMelExamples.BandCount);
            frame.Clear();
            for (var f = 0; f < frameCount; f++)
            {
                var source = samples.Slice(f * HopLength, WindowLength);
                for (var i = 0; i < WindowLength; i++)
                {
                    frame[i] = source[i] * HannWindow[i];
                }

                fft.Magnitudes(frame, magnitudes);
                MelBank.Apply(magnitudes, mel);
                var row = output.AsSpan(f * LogMelExamples.BandCount, LogMelExamples.BandCount);
                for (var b = 0; b < row.Length; b++)
                {
                    row[b] = (float)Math.Log(mel[b] + LogOffset);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }

        return (output, frameCount);
    }

    /// <summary>Periodic Hann, 0.5 - 0.5 cos(2πn / N) for n in [0, N), as mel_features.periodic_hann.</summary>
    private static double[] PeriodicHann(int length)
    {
        var window = new double[length];
        for (var n = 0; n < length; n++)
        {
            window[n] = 0.5 - (0.5 * Math.Cos(2 * Math.PI * n / length));
        }

        return window;
    }
}
