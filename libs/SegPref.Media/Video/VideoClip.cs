namespace SegPref.Media.Video;

/// <summary>A clip as the datasets store it: one image per second and the clip's WAV.</summary>
/// <param name="Frames">Image files (PNG or JPEG), frame i showing second i.</param>
/// <param name="Wav">The clip's audio (any rate or channel count); cut or padded with silence to the frames' seconds.</param>
public sealed record VideoClip(IReadOnlyList<string> Frames, string Wav);
