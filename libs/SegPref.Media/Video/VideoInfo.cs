namespace SegPref.Media.Video;

/// <summary>What ffprobe says about a video file that can be segmented: one video and one audio stream, both decodable.</summary>
/// <param name="Path">The file.</param>
/// <param name="Width">Displayed width in pixels (after the rotation the file asks for).</param>
/// <param name="Height">Displayed height in pixels.</param>
/// <param name="DurationSeconds">Duration of the video stream (else of the file), above 0.</param>
/// <param name="FrameRate">Average frames per second (0 when the file does not say).</param>
/// <param name="VideoStreamIndex">ffmpeg's index of the video stream used.</param>
/// <param name="VideoCodec">Its codec, e.g. "h264".</param>
/// <param name="VideoStartSeconds">Its first timestamp; second i of the video starts there plus i.</param>
/// <param name="AudioStreamIndex">ffmpeg's index of the audio stream used.</param>
/// <param name="AudioCodec">Its codec, e.g. "aac".</param>
/// <param name="AudioSampleRateHz">Its sample rate.</param>
/// <param name="AudioChannels">Its channel count.</param>
public sealed record VideoInfo(
    string Path,
    int Width,
    int Height,
    double DurationSeconds,
    double FrameRate,
    int VideoStreamIndex,
    string VideoCodec,
    double VideoStartSeconds,
    int AudioStreamIndex,
    string AudioCodec,
    int AudioSampleRateHz,
    int AudioChannels)
{
    /// <summary>Seconds with a frame: one frame per started second, as ffmpeg's fps=1 filter yields them.</summary>
    public int Seconds => Math.Max(1, (int)Math.Ceiling(DurationSeconds - 1e-3));
}
