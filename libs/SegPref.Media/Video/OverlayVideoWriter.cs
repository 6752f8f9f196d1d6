using System.Globalization;

namespace SegPref.Media.Video;

/// <summary>
/// Writes the overlay video: every frame of the original with the mask of its second tinted over it (mask i from
/// second i until the next), the original audio kept (copied when it is AAC, else encoded to AAC), H.264 in MP4 with the
/// index up front so that browsers start playing before the whole file has arrived. One ffmpeg streams it all.
/// </summary>
public static class OverlayVideoWriter
{
    /// <summary>Writes <paramref name="output"/> from <paramref name="video"/> and the masks <paramref name="maskPattern"/>.</summary>
    /// <param name="tools">ffmpeg.</param>
    /// <param name="video">The original (probed).</param>
    /// <param name="maskPattern">8-bit grayscale PNG masks at the video's displayed size, one per second, numbered from 0 (ffmpeg's image2 pattern, e.g. "masks/%d.png").</param>
    /// <param name="output">The MP4 to write (replaced if it exists).</param>
    /// <param name="style">Tint colour and opacity.</param>
    /// <param name="ct">Cancels (and stops ffmpeg).</param>
    /// <exception cref="IOException">ffmpeg failed; the message holds its reason.</exception>
    public static async Task WriteAsync(FfmpegTools tools, VideoInfo video, string maskPattern, string output, OverlayStyle style, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(style);
        var inv = CultureInfo.InvariantCulture;
        var color = $"0x{style.Color.R:X2}{style.Color.G:X2}{style.Color.B:X2}";
        var rate = video.FrameRate > 0 ? video.FrameRate.ToString("0.###", inv) : "25";
        // The mask (0/255) scaled by the opacity becomes the alpha of a plane of the tint colour laid over every frame;
        // the mask of second i stays until the next one arrives (overlay repeats its last frame).
        var filter = string.Join(';',
            FormattableString.Invariant($"[1:v]format=gray,lut=y=val*{Math.Clamp(style.Opacity, 0, 1):0.###}[alpha]"),
            FormattableString.Invariant($"color=c={color}:s={video.Width}x{video.Height}:r={rate}[tint]"),
            "[tint][alpha]alphamerge=shortest=1[layer]",
            "[0:v][layer]overlay=eof_action=repeat:format=auto,scale=trunc(iw/2)*2:trunc(ih/2)*2,format=yuv420p[out]");
        var audio = video.AudioCodec == "aac" ? new[] { "-c:a", "copy" } : ["-c:a", "aac", "-b:a", "160k"];
        var (exit, _, errors) = await FfmpegProcess.RunAsync(tools.Ffmpeg,
        [
            "-v", "error", "-nostdin", "-y", "-i", video.Path,
            "-itsoffset", video.VideoStartSeconds.ToString("0.######", inv), "-framerate", "1", "-start_number", "0", "-i", maskPattern,
            "-filter_complex", filter, "-map", "[out]", "-map", $"0:{video.AudioStreamIndex}",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", .. audio, "-movflags", "+faststart", output,
        ], ct);
        if (exit != 0)
        {
            throw new IOException($"ffmpeg could not write the overlay video {output}: {errors}");
        }
    }
}
