using SegPref.Cues;
using SegPref.Inference.Abstractions;
using SegPref.Media.Imaging;

namespace SegPref.Mesh.Tests.TestModels;

/// <summary>
/// A real, deterministic text-prompted segmenter for tests: a colour threshold (red pixels) gated by audio energy (the
/// loudest log-mel band; silence, ln 0.01, closes the gate so the mask is empty) and nudged by the number of valid cues.
/// Frames are prepared as raw [0,1] RGB planes (mean 0, std 1) at 32 x 32.
/// </summary>
internal sealed class TestSegmenter : IMaskSegmenter
{
    public const int Size = 32;

    private static readonly float[] Mean = [0, 0, 0];
    private static readonly float[] Std = [1, 1, 1];

    public ModelIdentity Identity { get; init; } = new("test-segmenter", "1");

    public SegPref.Inference.Repository.ModelConfig? Config => null;

    public bool UsesText => true;

    public int ImageSize => Size;

    public int AudioWidth => 128;

    public int CueWidth => TestCueEmbedder.Width;

    /// <summary>Also report an audio support per frame (as TeSO's graph does): the sigmoid of the audio gate.</summary>
    public bool ReportsAudioSupport { get; init; }

    /// <summary>Frames of the runs so far, one entry per run (tests read it to see batching).</summary>
    public List<int> RunFrames { get; } = [];

    /// <summary>When set, each run waits for it (after signalling <see cref="Entered"/>): tests hold a run to fill the queue.</summary>
    public ManualResetEventSlim? Hold { get; set; }

    /// <summary>Released once per held run as it starts.</summary>
    public SemaphoreSlim Entered { get; } = new(0);

    public float[] PrepareFrames(IReadOnlyList<RgbImage> frames) => ImageTensor.ToChwBatch(frames, Size, Size, Mean, Std);

    public SegmenterOutput Segment(SegmenterInput input)
    {
        var t = input.Frames;
        const int plane = Size * Size;
        if (input.Audio.Length != t * AudioWidth)
        {
            throw new ArgumentException($"Audio must be [{t},{AudioWidth}], got {input.Audio.Length} values.", nameof(input));
        }

        if (input.Cues is null || input.CueValid is null || input.Cues.Length != t * CueSlots.Count * CueWidth || input.CueValid.Length != t * CueSlots.Count)
        {
            throw new ArgumentException("Cue embeddings [T,4,D] and validity [T,4] are required.", nameof(input));
        }

        lock (RunFrames)
        {
            RunFrames.Add(t);
        }

        if (Hold is { } hold)
        {
            Entered.Release();
            hold.Wait(TimeSpan.FromSeconds(60));
        }

        var logits = new float[t * plane];
        var support = ReportsAudioSupport ? new float[t] : null;
        for (var f = 0; f < t; f++)
        {
            var energy = float.MinValue;
            for (var band = 0; band < 64; band++)
            {
                energy = Math.Max(energy, input.Audio[(f * AudioWidth) + band]);
            }

            // ln(0.01) = -4.6 is silence; any audible tone lifts its band well above -3.
            var gate = energy + 3f;
            if (support is not null)
            {
                support[f] = 1f / (1f + MathF.Exp(-gate));
            }

            var cueTerm = 0f;
            for (var s = 0; s < CueSlots.Count; s++)
            {
                cueTerm += input.CueValid[(f * CueSlots.Count) + s] ? 0.1f : 0f;
            }

            var pixels = input.Pixels.AsSpan(f * 3 * plane, 3 * plane);
            for (var i = 0; i < plane; i++)
            {
                var (r, g, b) = (pixels[i] * 255, pixels[plane + i] * 255, pixels[(2 * plane) + i] * 255);
                var redness = (r - ((g + b) / 2f)) / 64f;
                logits[(f * plane) + i] = (redness * gate) + cueTerm - 0.5f;
            }
        }

        return new SegmenterOutput(logits, support);
    }
}
