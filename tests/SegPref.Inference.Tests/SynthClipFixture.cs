using SegPref.Avs.Avss;
using SegPref.Avs.Synth;
using SegPref.Media.Audio;
using SegPref.Media.Imaging;

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
    }

    public string Root { get; }

    /// <summary>The clip's frames (48 px, decoded).</summary>
    public IReadOnlyList<RgbImage> Frames { get; }

    /// <summary>The clip's VGGish log-mel examples, one per frame.</summary>
    public LogMelExamples LogMel { get; }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
