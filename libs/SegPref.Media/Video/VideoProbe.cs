using System.Globalization;
using System.Text.Json;

namespace SegPref.Media.Video;

/// <summary>
/// Reads a video's streams with ffprobe and refuses, with a message naming the file and the reason, what cannot be
/// segmented: not a media file, no video stream, no audio stream, a codec ffmpeg cannot decode, a duration of 0.
/// </summary>
public static class VideoProbe
{
    /// <summary>Probes <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file, or ffprobe is missing.</exception>
    /// <exception cref="InvalidDataException">The file cannot be segmented; the message says why.</exception>
    public static async Task<VideoInfo> ProbeAsync(FfmpegTools tools, string path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Video not found: {path}", path);
        }

        var (exit, output, errors) = await FfmpegProcess.RunAsync(
            tools.Ffprobe, ["-v", "error", "-print_format", "json", "-show_streams", "-show_format", path], ct);
        var name = System.IO.Path.GetFileName(path);
        if (exit != 0)
        {
            throw new InvalidDataException($"{name}: not a video ffmpeg can read ({LastLine(errors, "ffprobe failed")}).");
        }

        using var document = JsonDocument.Parse(output);
        return Read(document.RootElement, path, name);
    }

    /// <summary>The checks on ffprobe's JSON (-show_streams -show_format).</summary>
    internal static VideoInfo Read(JsonElement root, string path, string name)
    {
        var streams = root.TryGetProperty("streams", out var list) ? list.EnumerateArray().ToList() : [];
        var video = streams.FirstOrDefault(s => Text(s, "codec_type") == "video" && !IsPicture(s));
        var audio = streams.FirstOrDefault(s => Text(s, "codec_type") == "audio");
        var found = streams.Count == 0 ? "none" : string.Join(", ", streams.Select(s => $"{Text(s, "codec_type") ?? "unknown"} {Codec(s)}"));
        if (video.ValueKind == JsonValueKind.Undefined)
        {
            throw new InvalidDataException($"{name}: no video stream (streams: {found}); give a video file with pictures and sound.");
        }

        if (audio.ValueKind == JsonValueKind.Undefined)
        {
            throw new InvalidDataException($"{name}: no audio stream (streams: {found}); the method segments what sounds, so it needs the soundtrack.");
        }

        CheckCodec(video, "video", name);
        CheckCodec(audio, "audio", name);
        var duration = Number(video, "duration") is > 0 and var d ? d : Number(Format(root), "duration") ?? 0;
        if (!(duration > 0))
        {
            throw new InvalidDataException($"{name}: the duration is 0 s: the file holds no frames to segment.");
        }

        var (width, height) = ((int)(Number(video, "width") ?? 0), (int)(Number(video, "height") ?? 0));
        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException($"{name}: the video stream has no picture size ({width}x{height}).");
        }

        if (Math.Abs(Rotation(video)) % 180 == 90)
        {
            (width, height) = (height, width);
        }

        return new VideoInfo(
            path, width, height, duration, Rate(Text(video, "avg_frame_rate")),
            (int)(Number(video, "index") ?? 0), Codec(video), Number(video, "start_time") ?? 0,
            (int)(Number(audio, "index") ?? 0), Codec(audio), (int)(Number(audio, "sample_rate") ?? 0), (int)(Number(audio, "channels") ?? 0));
    }

    private static void CheckCodec(JsonElement stream, string kind, string name)
    {
        if (Codec(stream) == "none")
        {
            var tag = Text(stream, "codec_tag_string");
            throw new InvalidDataException($"{name}: unsupported {kind} codec{(tag is null ? string.Empty : $" (tag '{tag}')")}: ffmpeg cannot decode it; convert the file to H.264/AAC first.");
        }
    }

    private static string Codec(JsonElement stream) => Text(stream, "codec_name") is { Length: > 0 } codec ? codec : "none";

    // Cover art in audio files shows up as a one-picture video stream.
    private static bool IsPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var disposition) && Number(disposition, "attached_pic") == 1;

    private static double Rotation(JsonElement stream)
    {
        if (stream.TryGetProperty("side_data_list", out var side))
        {
            foreach (var item in side.EnumerateArray())
            {
                if (Number(item, "rotation") is { } rotation)
                {
                    return rotation;
                }
            }
        }

        return stream.TryGetProperty("tags", out var tags) ? Number(tags, "rotate") ?? 0 : 0;
    }

    private static double Rate(string? fraction)
    {
        var parts = (fraction ?? string.Empty).Split('/');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0
            ? n / d
            : 0;
    }

    private static JsonElement Format(JsonElement root) => root.TryGetProperty("format", out var format) ? format : default;

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    // ffprobe writes most numbers as strings ("6.520000"), some as numbers, and "N/A" when unknown.
    private static double? Number(JsonElement element, string property) =>
        double.TryParse(Text(element, property), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static string LastLine(string text, string fallback) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? fallback;
}
