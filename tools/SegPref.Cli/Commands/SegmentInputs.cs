using SegPref.Avs.Avss;

namespace SegPref.Cli.Commands;

/// <summary>The frames and audio of one clip for `segpref segment`: a clip folder (frames/ + audio.wav) or explicit files.</summary>
internal static class SegmentInputs
{
    public static (string[] Frames, string Audio) Resolve(string? clip, string[]? frames, string? audio)
    {
        if (clip is not null)
        {
            if (frames is { Length: > 0 } || audio is not null)
            {
                throw new ArgumentException("Give either --clip or --frames with --audio, not both.");
            }

            if (!Directory.Exists(clip))
            {
                throw new DirectoryNotFoundException($"Clip folder not found: {clip}");
            }

            var folder = Path.Combine(clip, AvssLayout.FramesFolder);
            var images = Directory.Exists(folder) ? Frames(folder) : Frames(clip);
            return (images, Path.Combine(clip, AvssLayout.AudioFile));
        }

        if (frames is not { Length: > 0 } || audio is null)
        {
            throw new ArgumentException("Give --clip DIR, or --frames F... together with --audio A.wav.");
        }

        return (frames, audio);
    }

    // Frames named by number sort numerically (10 after 9); others by name.
    private static string[] Frames(string folder)
    {
        var files = Directory.EnumerateFiles(folder)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg")
            .OrderBy(f => int.TryParse(Path.GetFileNameWithoutExtension(f), out var n) ? n : int.MaxValue)
            .ThenBy(f => f, StringComparer.Ordinal)
            .ToArray();
        return files.Length > 0 ? files : throw new InvalidDataException($"{folder}: no .png or .jpg frames.");
    }
}
