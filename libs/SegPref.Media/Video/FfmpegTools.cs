namespace SegPref.Media.Video;

/// <summary>
/// The ffmpeg and ffprobe executables (the Debian package `ffmpeg`). Video is read and written through them as child
/// processes: decoded frames and samples stream through pipes, so memory does not grow with the video's length.
/// </summary>
/// <param name="Ffmpeg">Path of ffmpeg.</param>
/// <param name="Ffprobe">Path of ffprobe.</param>
public sealed record FfmpegTools(string Ffmpeg, string Ffprobe)
{
    /// <summary>Environment variable naming the folder that holds ffmpeg and ffprobe (else they are looked up on PATH).</summary>
    public const string EnvironmentVariable = "SEGPREF_FFMPEG_DIR";

    /// <summary>ffmpeg and ffprobe from <see cref="EnvironmentVariable"/> or PATH.</summary>
    /// <exception cref="FileNotFoundException">Either is missing; the message says how to install them.</exception>
    public static FfmpegTools Locate() =>
        TryLocate(out var tools)
            ? tools
            : throw new FileNotFoundException(
                $"Video needs ffmpeg and ffprobe, which were not found in ${EnvironmentVariable} or on PATH ({string.Join(", ", SearchFolders())}). Install them (Debian/Ubuntu: apt-get install ffmpeg).");

    /// <summary>Looks ffmpeg and ffprobe up without throwing.</summary>
    public static bool TryLocate(out FfmpegTools tools)
    {
        var ffmpeg = Find("ffmpeg");
        var ffprobe = Find("ffprobe");
        tools = new FfmpegTools(ffmpeg ?? "ffmpeg", ffprobe ?? "ffprobe");
        return ffmpeg is not null && ffprobe is not null;
    }

    private static string? Find(string name) =>
        SearchFolders().Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    private static string[] SearchFolders()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return [configured];
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
