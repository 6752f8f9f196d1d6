using SegPref.Media.Audio;
using SegPref.Media.Imaging;

namespace SegPref.Media.Video;

/// <summary>
/// One window of a video: a frame per second (the last frame of each second, as AVSBench annotates) and the same
/// seconds of mono audio.
/// </summary>
/// <param name="Index">Window number from 0.</param>
/// <param name="StartSecond">The video second its first frame belongs to.</param>
/// <param name="Frames">One frame per second, at the reader's frame size.</param>
/// <param name="Audio">Exactly Frames.Count seconds of mono audio (zeros where the audio stream ended early).</param>
/// <param name="PaddedSamples">How many samples at the end are such zeros.</param>
public sealed record VideoWindow(int Index, int StartSecond, IReadOnlyList<RgbImage> Frames, AudioClip Audio, int PaddedSamples)
{
    /// <summary>The frames as PNG files (lossless: the segmenter sees what ffmpeg decoded).</summary>
    public byte[][] EncodeFrames() => [.. Frames.Select(ImageCodec.EncodePng)];

    /// <summary>The audio as a 16-bit mono WAV file.</summary>
    public byte[] EncodeWav()
    {
        using var stream = new MemoryStream();
        WavFile.Write(stream, Audio);
        return stream.ToArray();
    }
}
