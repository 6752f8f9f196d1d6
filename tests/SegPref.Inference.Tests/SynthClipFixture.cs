using SegPref.Avs.Avss;
using SegPref.Avs.Synth;
using SegPref.Media.Audio;
using SegPref.Media.Imaging;
using SegPref.Media.Masks;

[assembly: AssemblyFixture(typeof(SegPref.Inference.Tests.SynthClipFixture))]

namespace SegPref.Inference.Tests;

/// <summary>One real clip of a tiny AVS-Synth set (Quick preset, generated once per test run into a temp folder).</summary>
public sealed class SynthClipFixture : IDisposable
{
    public SynthClipFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "segpref-inference-synth-" + Guid.NewGuid().ToString("N"));
        var config = SynthConfig.Quick with { TrainClips = 2, ValClips = 1, TestClips = 1, TestCounterClips = 1 };
        SynthGenerator.Generate(Root, config);
        var dataset = AvssDataset.Open(Root);
        var clip = dataset.LoadClip(dataset.Rows[0]);
        Frames = [.. clip.FramePaths.Select(p => ImageCodec.Load(p))];
        LogMel = VggishLogMel.ComputeExamples(WavFile.Read(clip.AudioPath), Frames.Count);
        Masks = [.. clip.MaskPaths.Select(p => p is null ? null : ToBinary(ImageCodec.Load(p)))];
    }

    public string Root { get; }

    /// <summary>The clip's frames (48 px, decoded).</summary>
    public IReadOnlyList<RgbImage> Frames { get; }

    /// <summary>The clip's VGGish log-mel examples, one per frame.</summary>
    public LogMelExamples LogMel { get; }

    /// <summary>Ground truth per frame (sounding pixels = any non-black palette colour), null where not annotated.</summary>
    public IReadOnlyList<BinaryMask?> Masks { get; }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static BinaryMask ToBinary(RgbImage image)
    {
        var values = new byte[image.Width * image.Height];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (byte)(image.Pixels[3 * i] | image.Pixels[(3 * i) + 1] | image.Pixels[(3 * i) + 2]) != 0 ? (byte)1 : (byte)0;
        }

        return new BinaryMask(image.Width, image.Height, values);
    }
}
