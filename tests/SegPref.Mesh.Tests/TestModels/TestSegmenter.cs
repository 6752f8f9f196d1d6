using SegPref.Cues;
using SegPref.Inference.Abstractions;
using SegPref.Media.Imaging;

namespace SegPref.Mesh.Tests.TestModels;

/// <summary>
/// A real, deterministic text-prompted segmenter for tests: a colour threshold (red pixels) gated by audio energy (the
/// loudest log-mel band; silence, ln 0.01, closes the gate so the mask is empty) and nudged by the number of valid cues.
/// </summary>
internal sealed class TestSegmenter : IMaskSegmenter
{
    public const int Size = 32;

    public ModelIdentity Identity { get; } = new("test-segmenter", "1");

    public bool UsesText => true;

    public int ImageSize => Size;

    public float[,,] Segment(IReadOnlyList<RgbImage> frames, float[,] audio, float[,,]? cues, bool[,]? valid)
    {
        if (audio.GetLength(0) != frames.Count || audio.GetLength(1) != 128)
        {
            throw new ArgumentException($"Audio must be [{frames.Count},128], got [{audio.GetLength(0)},{audio.GetLength(1)}].", nameof(audio));
        }

        if (cues is null || valid is null || cues.GetLength(0) != frames.Count || valid.GetLength(0) != frames.Count || cues.GetLength(1) != CueSlots.Count)
        {
            throw new ArgumentException("Cue embeddings [T,4,D] and validity [T,4] are required.", nameof(cues));
        }

        var logits = new float[frames.Count, Size, Size];
        for (var t = 0; t < frames.Count; t++)
        {
            var small = frames[t].Resize(Size, Size);
            var energy = float.MinValue;
            for (var band = 0; band < 64; band++)
            {
                energy = Math.Max(energy, audio[t, band]);
            }

            // ln(0.01) = -4.6 is silence; any audible tone lifts its band well above -3.
            var gate = energy + 3f;
            var cueTerm = 0f;
            for (var s = 0; s < CueSlots.Count; s++)
            {
                cueTerm += valid[t, s] ? 0.1f : 0f;
            }

            for (var y = 0; y < Size; y++)
            {
                for (var x = 0; x < Size; x++)
                {
                    var (r, g, b) = small[x, y];
                    var redness = (r - ((g + b) / 2f)) / 64f;
                    logits[t, y, x] = (redness * gate) + cueTerm - 0.5f;
                }
            }
        }

        return logits;
    }
}
