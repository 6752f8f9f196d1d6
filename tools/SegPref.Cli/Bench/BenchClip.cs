using SegPref.Avs.Avss;
using SegPref.Cli.Commands;
using SegPref.Contracts.Clients;
using SegPref.Contracts.Segmentation.V1;

namespace SegPref.Cli.Bench;

/// <summary>The request the load benchmarks send: a clip folder, or the demo's 5-frame AVS-Synth clip made on the spot.</summary>
internal static class BenchClip
{
    public static PipelineRequest Request(string? clipDir, bool reliance)
    {
        string[] frames;
        string audio;
        if (clipDir is not null)
        {
            (frames, audio) = SegmentInputs.Resolve(clipDir, null, null);
        }
        else
        {
            var data = Path.Combine(Path.GetTempPath(), "segpref-bench-clip");
            if (!Directory.Exists(data))
            {
                SegPref.Avs.Synth.SynthGenerator.Generate(data, SynthCommand.Configure("quick", 7, clips: 1, size: 64, frames: 5));
            }

            var clip = AvssDataset.Open(data).Clips("test").First();
            (frames, audio) = ([.. clip.FramePaths], clip.AudioPath);
        }

        return SegmentClient.BuildRequest([.. frames.Select(File.ReadAllBytes)], File.ReadAllBytes(audio), new SegmentClientOptions { AudioReliance = reliance });
    }
}
