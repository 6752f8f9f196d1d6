using System.Text.Json;
using SegPref.Avs.Avss;
using SegPref.Avs.Synth;

namespace SegPref.Avs.Tests.Synth;

public class SynthGeneratorTests(SynthQuickFixture quick) : IClassFixture<SynthQuickFixture>
{
    [Fact]
    public void Generate_QuickPreset_WritesAvssLayout()
    {
        Assert.Equal(48, quick.Rows.Count);
        Assert.Equal(quick.Rows, AvssMetadata.Read(Path.Combine(quick.Root, AvssLayout.MetadataFile)));
        Assert.Equal(71, JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(Path.Combine(quick.Root, AvssLayout.Label2IdxFile)))!.Count);
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(quick.Root, AvssLayout.SynthConfigFile)));
        Assert.Equal(quick.Config.Seed, config.RootElement.GetProperty("seed").GetInt64());
        foreach (var row in quick.Rows)
        {
            Assert.Equal(("synth", 0, 0, row.Uid), (row.Label, row.StartMinute, row.StartSecond, row.Vid));
            var dir = AvssLayout.ClipDir(quick.Root, row);
            for (var t = 0; t < quick.Config.FramesPerClip; t++)
            {
                Assert.True(File.Exists(Path.Combine(dir, AvssLayout.FramesFolder, $"{t}.png")));
                Assert.True(File.Exists(Path.Combine(dir, AvssLayout.LabelsFolder, $"{t}.png")));
            }
        }

        Assert.Equal(SynthSplits.All, quick.Rows.Select(r => r.Split).Distinct());
    }

    [Fact]
    public void Generate_QuickPreset_EveryFrameHasASoundingObjectAndDistractorsNeverSound()
    {
        foreach (var (_, info) in quick.Clips)
        {
            Assert.Equal(quick.Config.FramesPerClip, info.Frames.Length);
            Assert.All(info.Frames, f => Assert.Contains(f.Objects, o => o.Sounding));
            Assert.All(info.Frames.SelectMany(f => f.Objects), o => Assert.False(o.Distractor && o.Sounding));
            Assert.All(info.Frames.SelectMany(f => f.Objects), o => Assert.Equal(o.Distractor, SynthVocabulary.IsDistractor(o.Kind)));
        }
    }

    [Fact]
    public void Generate_QuickPreset_AudioObjectsAreTheClipsSoundingClasses()
    {
        foreach (var (row, info) in quick.Clips)
        {
            var sounding = info.Frames.SelectMany(f => f.Objects).Where(o => o.Sounding).Select(o => o.Kind).ToHashSet();
            Assert.Equal(sounding.Order(), row.AudioObjects.Split(',').Order());
        }
    }

    [Fact]
    public void Generate_QuickPreset_CuesAreVisibleSoundClassesInOrderOfMention()
    {
        foreach (var frame in quick.Clips.SelectMany(c => c.Info.Frames))
        {
            var visible = frame.Objects.Where(o => !o.Distractor).Select(o => o.Kind).ToHashSet();
            var mentioned = SynthTextMentions.Mentioned(frame.Description);
            Assert.Equal(visible.Order(), mentioned.Order());
            Assert.DoesNotContain(SynthTextMentions.Negated(frame.Description), visible.Contains);
            var expected = mentioned.Take(4).Concat(Enumerable.Repeat("None", 4)).Take(4);
            Assert.Equal(expected, frame.Cues);
            Assert.Equal(frame.Description.ToLowerInvariant(), frame.Description);
            Assert.EndsWith(".", frame.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Generate_QuickPreset_AudioIsTSecondsOfPcm16MonoWithPeakBelowLimit()
    {
        foreach (var row in quick.Rows)
        {
            var bytes = File.ReadAllBytes(Path.Combine(AvssLayout.ClipDir(quick.Root, row), AvssLayout.AudioFile));
            Assert.Equal(16000, BitConverter.ToInt32(bytes, 24));
            Assert.Equal(1, BitConverter.ToInt16(bytes, 22));
            Assert.Equal(quick.Config.FramesPerClip * 16000 * 2, BitConverter.ToInt32(bytes, 40));
            var peak = Enumerable.Range(0, (bytes.Length - 44) / 2).Max(i => Math.Abs((int)BitConverter.ToInt16(bytes, 44 + (2 * i))));
            Assert.InRange(peak, 100, (int)Math.Ceiling(0.9 * 32768));
        }
    }
}
