using SegPref.Media.Audio;
using SegPref.Media.Imaging;
using SegPref.Media.Tests.Audio;
using SegPref.Media.Video;

namespace SegPref.Media.Tests.Video;

/// <summary>
/// Videos made for the tests from frames and WAVs written here (ffmpeg encodes them; nothing is downloaded). Tests
/// skip only when ffmpeg itself is not installed.
/// </summary>
internal sealed class TestVideos : IDisposable
{
    /// <summary>One saturated colour per second, far apart after H.264's chroma subsampling.</summary>
    public static readonly (byte R, byte G, byte B)[] Colors =
        [(230, 30, 30), (30, 200, 30), (30, 30, 230), (230, 230, 30), (30, 220, 220), (220, 30, 220), (240, 240, 240)];

    public const double ToneHz = 440;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("segpref-video-tests-");

    public TestVideos() => Tools = Require();

    public FfmpegTools Tools { get; }

    public string this[string name] => Path.Combine(_dir.FullName, name);

    /// <summary>The test's ffmpeg, or a skip naming what to install.</summary>
    public static FfmpegTools Require() =>
        FfmpegTools.TryLocate(out var tools) ? tools : throw Xunit.Sdk.SkipException.ForSkip("ffmpeg and ffprobe are not installed (apt-get install ffmpeg)");

    /// <summary>
    /// A clip of <paramref name="seconds"/> seconds: second i is <see cref="Colors"/>[i % 7] and a 440 Hz tone of
    /// amplitude 0.1 (i + 1) (mono 44.1 kHz in the WAV).
    /// </summary>
    public VideoClip Clip(string name, int seconds, int frameWidth = 160, int frameHeight = 90, double? audioSeconds = null)
    {
        var folder = Directory.CreateDirectory(this[name]).FullName;
        var frames = new List<string>();
        for (var i = 0; i < seconds; i++)
        {
            var path = Path.Combine(folder, $"{i}.png");
            ImageCodec.Save(RgbImage.Filled(frameWidth, frameHeight, Colors[i % Colors.Length]), path);
            frames.Add(path);
        }

        const int rate = 44_100;
        var samples = new List<float>();
        for (var i = 0; i < Math.Ceiling(audioSeconds ?? seconds); i++)
        {
            samples.AddRange(Signals.Tone(ToneHz, rate, 1, Amplitude(i)));
        }

        var wav = Path.Combine(folder, "audio.wav");
        WavFile.Write(wav, new AudioClip([.. samples.Take((int)Math.Round((audioSeconds ?? seconds) * rate))], rate));
        return new VideoClip(frames, wav);
    }

    public static double Amplitude(int second) => 0.1 * ((second % 7) + 1);

    /// <summary>An MP4 (H.264 + AAC unless told otherwise) of <paramref name="seconds"/> coloured, toned seconds.</summary>
    public async Task<string> MakeAsync(string name, int seconds, ClipVideoOptions? options = null)
    {
        var output = this[name + ".mp4"];
        await ClipVideoWriter.WriteAsync(Tools, [Clip(name, seconds)], output, options ?? new ClipVideoOptions { Width = 320, Height = 180 }, TestContext.Current.CancellationToken);
        return output;
    }

    /// <summary>Runs ffmpeg with <paramref name="arguments"/> (after -v error -nostdin -y) and fails the test if it fails.</summary>
    public async Task FfmpegAsync(params string[] arguments)
    {
        var (exit, _, errors) = await FfmpegProcess.RunAsync(Tools.Ffmpeg, ["-v", "error", "-nostdin", "-y", .. arguments], TestContext.Current.CancellationToken);
        Assert.True(exit == 0, $"ffmpeg {string.Join(' ', arguments)}: {errors}");
    }

    /// <summary>
    /// <paramref name="name"/>: a copy of the MP4 <paramref name="source"/> whose video codec no decoder claims (the
    /// 'avc1' sample description after 'stsd' renamed 'zzzz').
    /// </summary>
    public async Task<string> UnknownCodecCopyAsync(string source, string name)
    {
        var bytes = await File.ReadAllBytesAsync(source, TestContext.Current.CancellationToken);
        var stsd = bytes.AsSpan().IndexOf("stsd"u8);
        "zzzz"u8.CopyTo(bytes.AsSpan(stsd + bytes.AsSpan(stsd).IndexOf("avc1"u8)));
        await File.WriteAllBytesAsync(this[name], bytes, TestContext.Current.CancellationToken);
        return this[name];
    }

    /// <summary>One decoded frame of <paramref name="video"/> at <paramref name="seconds"/> as RGB.</summary>
    public async Task<RgbImage> FrameAtAsync(string video, double seconds)
    {
        var png = this[$"frame-{Guid.NewGuid():N}.png"];
        await FfmpegAsync("-ss", seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), "-i", video, "-frames:v", "1", png);
        return ImageCodec.Load(png);
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
