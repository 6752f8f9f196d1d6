using SegPref.Avs.Avss;
using SegPref.Avs.Synth;

namespace SegPref.Avs.Tests.Synth;

/// <summary>One Quick-preset dataset (PNG frames) shared by the tests that inspect generated files.</summary>
public sealed class SynthQuickFixture : IDisposable
{
    public SynthQuickFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "segpref-synth-" + Guid.NewGuid().ToString("N"));
        Config = SynthConfig.Quick with { FrameFormat = SynthFrameFormat.Png };
        Rows = SynthGenerator.Generate(Root, Config);
        Clips = Rows.Select(r => (Row: r, Info: SynthClipInfo.Parse(File.ReadAllText(Path.Combine(AvssLayout.ClipDir(Root, r), AvssLayout.SynthClipFile)), r.Uid))).ToList();
    }

    public string Root { get; }

    public SynthConfig Config { get; }

    public IReadOnlyList<AvssMetadataRow> Rows { get; }

    public IReadOnlyList<(AvssMetadataRow Row, SynthClipInfo Info)> Clips { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
