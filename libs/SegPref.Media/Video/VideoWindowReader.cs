using System.Buffers.Binary;
using System.Globalization;
using SegPref.Media.Audio;
using SegPref.Media.Imaging;

namespace SegPref.Media.Video;

/// <summary>
/// Streams a video as windows for segmentation: one ffmpeg decodes the video stream to one frame per second
/// (fps=1 with downward rounding: the last frame of each second) scaled to the model's square size, another the audio
/// stream to 16-bit mono PCM at the target rate. Both arrive through pipes and are read one window at a time, so memory
/// holds a window, not the video: ffmpeg waits while the pipe is full.
/// </summary>
public sealed class VideoWindowReader : IAsyncDisposable
{
    private readonly VideoInfo _video;
    private readonly VideoWindowOptions _options;
    private readonly FfmpegProcess _frames;
    private readonly FfmpegProcess _audio;
    private readonly byte[] _frameBuffer;
    private bool _audioEnded;
    private int _windows;
    private int _second;

    private VideoWindowReader(VideoInfo video, VideoWindowOptions options, FfmpegProcess frames, FfmpegProcess audio)
    {
        (_video, _options, _frames, _audio) = (video, options, frames, audio);
        _frameBuffer = new byte[options.FrameSize * options.FrameSize * 3];
    }

    /// <summary>Frames read so far (= seconds).</summary>
    public int FramesRead => _second;

    /// <summary>Starts decoding <paramref name="video"/> (from <see cref="VideoProbe"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Options out of range.</exception>
    /// <exception cref="FileNotFoundException">ffmpeg cannot be started.</exception>
    public static VideoWindowReader Open(FfmpegTools tools, VideoInfo video, VideoWindowOptions options)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var size = options.FrameSize.ToString(CultureInfo.InvariantCulture);
        var frames = FfmpegProcess.Start(tools.Ffmpeg,
        [
            "-v", "error", "-nostdin", "-i", video.Path, "-map", $"0:{video.VideoStreamIndex}", "-an", "-sn", "-dn",
            "-vf", $"fps=1:round=down,scale={size}:{size}:flags=bilinear", "-pix_fmt", "rgb24", "-f", "rawvideo", "pipe:1",
        ]);
        FfmpegProcess? audio = null;
        try
        {
            audio = FfmpegProcess.Start(tools.Ffmpeg,
            [
                "-v", "error", "-nostdin", "-i", video.Path, "-map", $"0:{video.AudioStreamIndex}", "-vn", "-sn", "-dn",
                "-ac", "1", "-ar", options.SampleRateHz.ToString(CultureInfo.InvariantCulture), "-f", "s16le", "-acodec", "pcm_s16le", "pipe:1",
            ]);
            return new VideoWindowReader(video, options, frames, audio);
        }
        catch
        {
            frames.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>The next window, or null after the last one.</summary>
    /// <exception cref="InvalidDataException">ffmpeg could not decode the file (the message names why), or it held no frames.</exception>
    public async Task<VideoWindow?> ReadAsync(CancellationToken ct)
    {
        var frames = new List<RgbImage>(_options.WindowFrames);
        while (frames.Count < _options.WindowFrames && await ReadFrameAsync(ct))
        {
            frames.Add(new RgbImage(_options.FrameSize, _options.FrameSize, (byte[])_frameBuffer.Clone()));
        }

        if (frames.Count == 0)
        {
            await FinishAsync(_frames, "video", ct);

            // Audio past the last frame is not needed: stop its decoder rather than drain it.
            await _audio.DisposeAsync();
            if (_second == 0)
            {
                throw new InvalidDataException($"{Path.GetFileName(_video.Path)}: ffmpeg decoded no frames: the video has a duration of 0 s.");
            }

            return null;
        }

        var (samples, padded) = await ReadAudioAsync(frames.Count, ct);
        var window = new VideoWindow(_windows++, _second, frames, new AudioClip(samples, _options.SampleRateHz), padded);
        _second += frames.Count;
        return window;
    }

    /// <summary>Stops both decoders (a reader disposed early leaves no ffmpeg behind).</summary>
    public async ValueTask DisposeAsync()
    {
        await _frames.DisposeAsync();
        await _audio.DisposeAsync();
    }

    private async Task<bool> ReadFrameAsync(CancellationToken ct)
    {
        var read = await _frames.Output.ReadAtLeastAsync(_frameBuffer, _frameBuffer.Length, throwOnEndOfStream: false, ct);
        if (read == _frameBuffer.Length)
        {
            return true;
        }

        if (read > 0)
        {
            await FinishAsync(_frames, "video", ct);
            throw new InvalidDataException($"{Path.GetFileName(_video.Path)}: ffmpeg's frame stream ended inside a frame ({read} of {_frameBuffer.Length} bytes).");
        }

        return false;
    }

    private async Task<(float[] Samples, int Padded)> ReadAudioAsync(int seconds, CancellationToken ct)
    {
        var samples = new float[seconds * _options.SampleRateHz];
        var bytes = new byte[samples.Length * 2];
        var read = _audioEnded ? 0 : await _audio.Output.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, ct);
        if (read < bytes.Length && !_audioEnded)
        {
            _audioEnded = true;
            await FinishAsync(_audio, "audio", ct);
        }

        var whole = read / 2;
        for (var i = 0; i < whole; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(2 * i)) / 32768f;
        }

        return (samples, samples.Length - whole);
    }

    private async Task FinishAsync(FfmpegProcess process, string stream, CancellationToken ct)
    {
        var exit = await process.WaitAsync(ct);
        if (exit != 0)
        {
            throw new InvalidDataException(DecodeError(Path.GetFileName(_video.Path), stream, process.Errors));
        }
    }

    /// <summary>ffmpeg's reason, named: a missing decoder is an unsupported codec, anything else a decoding failure.</summary>
    internal static string DecodeError(string name, string stream, string errors)
    {
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var decoder = lines.FirstOrDefault(l => l.Contains("Decoder (codec", StringComparison.Ordinal) || l.Contains("decoder not found", StringComparison.OrdinalIgnoreCase));
        return decoder is not null
            ? $"{name}: unsupported {stream} codec: ffmpeg cannot decode it ({decoder})."
            : $"{name}: ffmpeg could not decode the {stream} stream ({lines.LastOrDefault() ?? "no message"}).";
    }
}
