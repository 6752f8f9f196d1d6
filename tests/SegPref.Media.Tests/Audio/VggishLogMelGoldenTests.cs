using System.Text.Json;
using SegPref.Media.Audio;

namespace SegPref.Media.Tests.Audio;

/// <summary>Parity with Golden/make_golden.py, the numpy transcription of the VGGish reference front end.</summary>
public class VggishLogMelGoldenTests
{
    private const double RelativeTolerance = 1e-4;

    private static readonly JsonElement Golden = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Audio", "Golden", "vggish_golden.json"))).RootElement;

    private static readonly Lazy<LogMelExamples> Examples = new(() =>
        VggishLogMel.ComputeExamples(new AudioClip(GoldenSignal(Golden.GetProperty("samples").GetInt32()), 16000)));

    [Fact]
    public void ComputeExamples_GoldenSignal_MatchesExampleSumsAndMeans()
    {
        var sums = Doubles("example_sums");
        var means = Doubles("example_means");

        Assert.Equal(Golden.GetProperty("example_count").GetInt32(), Examples.Value.Count);
        for (var e = 0; e < sums.Length; e++)
        {
            var example = Examples.Value.Example(e);
            double sum = 0;
            foreach (var v in example)
            {
                sum += v;
            }

            AssertClose(sums[e], sum);
            AssertClose(means[e], sum / example.Length);
        }
    }

    [Fact]
    public void ComputeExamples_GoldenSignal_MatchesSelectedValuesAndFirstFrame()
    {
        foreach (var pick in Golden.GetProperty("picks").EnumerateArray())
        {
            var p = pick.EnumerateArray().ToArray();
            AssertClose(p[3].GetDouble(), Examples.Value[p[0].GetInt32(), p[1].GetInt32(), p[2].GetInt32()]);
        }

        var frame0 = Doubles("frame0");
        for (var b = 0; b < frame0.Length; b++)
        {
            AssertClose(frame0[b], Examples.Value[0, 0, b]);
        }
    }

    [Fact]
    public void ComputeExamples_GoldenSignal_MatchesBandMeans()
    {
        var bandMeans = Doubles("band_means");
        var data = Examples.Value.Data;
        for (var b = 0; b < LogMelExamples.BandCount; b++)
        {
            double sum = 0;
            for (var i = b; i < data.Length; i += LogMelExamples.BandCount)
            {
                sum += data[i];
            }

            AssertClose(bandMeans[b], sum / (data.Length / LogMelExamples.BandCount));
        }
    }

    [Fact]
    public void FilterBank_RowAndColumnSums_MatchReferenceMatrix()
    {
        var bank = VggishLogMel.FilterBank;
        var rows = Doubles("mel_row_sums");
        var columns = Doubles("mel_column_sums");

        Assert.Equal(rows.Length, bank.BinCount);
        Assert.Equal(columns.Length, bank.BandCount);
        for (var bin = 0; bin < rows.Length; bin++)
        {
            AssertClose(rows[bin], Enumerable.Range(0, bank.BandCount).Sum(band => bank.Weight(bin, band)));
        }

        for (var band = 0; band < columns.Length; band++)
        {
            AssertClose(columns[band], Enumerable.Range(0, bank.BinCount).Sum(bin => bank.Weight(bin, band)));
        }
    }

    /// <summary>The formula in make_golden.py's signal(); the noise term is exact integer arithmetic.</summary>
    private static float[] GoldenSignal(int count)
    {
        var x = new float[count];
        for (var n = 0; n < count; n++)
        {
            var t = n / 16000.0;
            var noise = ((((ulong)n * 2654435761UL) + 12345UL) & 0xFFFFFFFFUL) / 2147483648.0 - 1.0;
            x[n] = (float)((0.5 * Math.Sin(2 * Math.PI * 440.0 * t)) + (0.25 * Math.Sin(2 * Math.PI * 1234.5 * t)) + (0.1 * noise));
        }

        return x;
    }

    private static double[] Doubles(string name) =>
        [.. Golden.GetProperty(name).EnumerateArray().Select(e => e.GetDouble())];

    private static void AssertClose(double expected, double actual) =>
        Assert.True(
            Math.Abs(expected - actual) <= RelativeTolerance * Math.Max(1.0, Math.Abs(expected)),
            $"expected {expected}, got {actual}");
}
