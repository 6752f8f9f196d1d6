using System.Text.Json;
using SegPref.Contracts.Segmentation.V1;
using SegPref.Media.Video;

namespace SegPref.Cli.Commands.Video;

/// <summary>
/// timeline.json, written as the windows come back (nothing is held for the end but a few numbers per window): the
/// video, the segmenter, then per second its description, cues, mask area and audio reliance, then a summary.
/// </summary>
internal sealed class VideoTimelineWriter : IAsyncDisposable
{
    private readonly FileStream _file;
    private readonly Utf8JsonWriter _json;

    private VideoTimelineWriter(FileStream file)
    {
        _file = file;
        // Descriptions and file names are written as they are (no \u escapes for ' or <): the file is read, not embedded in HTML.
        _json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static VideoTimelineWriter Create(string path, VideoInfo video, SegmenterDescription segmenter, int windowFrames, int sampleRateHz)
    {
        var writer = new VideoTimelineWriter(File.Create(path));
        var json = writer._json;
        json.WriteStartObject();
        json.WriteStartObject("video");
        json.WriteString("file", Path.GetFileName(video.Path));
        json.WriteNumber("width", video.Width);
        json.WriteNumber("height", video.Height);
        json.WriteNumber("duration_seconds", Math.Round(video.DurationSeconds, 3));
        json.WriteNumber("frame_rate", Math.Round(video.FrameRate, 3));
        json.WriteString("video_codec", video.VideoCodec);
        json.WriteString("audio_codec", video.AudioCodec);
        json.WriteEndObject();
        json.WriteStartObject("segmenter");
        json.WriteString("name", segmenter.Model.Name);
        json.WriteString("version", segmenter.Model.Version);
        json.WriteNumber("image_size", segmenter.ImageSize);
        json.WriteEndObject();
        json.WriteNumber("window_seconds", windowFrames);
        json.WriteString("frames", $"one per second: the last frame of each second (ffmpeg fps=1:round=down), scaled to {segmenter.ImageSize}x{segmenter.ImageSize}");
        json.WriteString("audio", $"{sampleRateHz} Hz mono, the window's seconds");
        json.WriteString("masks", $"masks/<second>.png at {video.Width}x{video.Height}, 255 = sounding");
        json.WriteStartArray("seconds");
        return writer;
    }

    public async Task SecondAsync(int window, int second, double durationSeconds, FrameResult frame, long maskPixels, double maskArea, bool degraded)
    {
        _json.WriteStartObject();
        _json.WriteNumber("second", second);
        _json.WriteNumber("start", second);
        _json.WriteNumber("end", Math.Round(Math.Min(second + 1, durationSeconds), 3));
        _json.WriteNumber("window", window);
        _json.WriteString("description", frame.Description);
        _json.WriteStartArray("cues");
        foreach (var cue in frame.Cues)
        {
            _json.WriteStringValue(cue);
        }

        _json.WriteEndArray();
        _json.WriteNumber("mask_area", Math.Round(maskArea, 5));
        _json.WriteNumber("mask_pixels", maskPixels);
        if (frame.HasAudioReliance)
        {
            _json.WriteNumber("audio_reliance", Math.Round(frame.AudioReliance, 4));
        }
        else
        {
            _json.WriteNull("audio_reliance");
        }

        _json.WriteString("mask", $"masks/{second}.png");
        if (degraded)
        {
            _json.WriteBoolean("degraded", true);
        }

        _json.WriteEndObject();
        await _json.FlushAsync();
    }

    public async Task SummaryAsync(VideoRunSummary summary)
    {
        _json.WriteEndArray();
        _json.WritePropertyName("summary");
        JsonSerializer.Serialize(_json, summary, VideoRunSummary.Json);
        _json.WriteEndObject();
        await _json.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        await _file.DisposeAsync();
    }
}
