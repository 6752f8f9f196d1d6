using System.Text.Json;
using SegPref.Avs.Avss;
using SegPref.Avs.Synth;
using SegPref.Media.Audio;

namespace SegPref.Models.Tests.Audio;

/// <summary>A tiny AVS-Synth-layout dataset on disk (audio.wav, synth.json, empty frame files) in a temp folder.</summary>
internal sealed class ToySynthTree : IDisposable
{
    public ToySynthTree(int seconds, params (string Split, int Clips)[] splits)
    {
        Root = Directory.CreateTempSubdirectory("toy-synth-").FullName;
        var random = new Random(7);
        var rows = new List<AvssMetadataRow>();
        foreach (var (split, clips) in splits)
        {
            for (var c = 0; c < clips; c++)
            {
                var uid = $"{split}_{c:D3}";
                var row = new AvssMetadataRow("vid_" + uid, uid, 0, seconds, "guitar", split, "synth");
                rows.Add(row);
                WriteClip(row, ToySounds.RandomLabels(random, seconds), random);
            }
        }

        AvssMetadata.Write(Path.Combine(Root, AvssLayout.MetadataFile), rows);
        File.WriteAllText(Path.Combine(Root, AvssLayout.Label2IdxFile), JsonSerializer.Serialize(AvssClasses.Label2Idx()));
    }

    public string Root { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void WriteClip(AvssMetadataRow row, string[][] labels, Random random)
    {
        var dir = Path.Combine(Root, row.Label, row.Uid);
        Directory.CreateDirectory(Path.Combine(dir, AvssLayout.FramesFolder));
        WavFile.Write(Path.Combine(dir, AvssLayout.AudioFile), ToySounds.Render(labels, random));
        var frames = labels.Select((sounding, t) =>
        {
            File.WriteAllBytes(Path.Combine(dir, AvssLayout.FramesFolder, $"{t}.png"), []);

            // A silent visible object and a distractor must not become labels.
            var objects = sounding.Select(k => new SynthObjectInfo(k, true, false, [0, 0, 4, 4]))
                .Append(new SynthObjectInfo("cat", false, false, [0, 0, 4, 4]))
                .Append(new SynthObjectInfo("chair", false, true, [0, 0, 4, 4]));
            return new SynthFrameInfo(t, "toy", [.. sounding, .. Enumerable.Repeat(SynthClipInfo.NoneCue, 4 - sounding.Length)], [.. objects]);
        });
        File.WriteAllText(Path.Combine(dir, AvssLayout.SynthClipFile), new SynthClipInfo(row.Uid, row.Split, [.. frames]).ToJson());
    }
}
