using System.Globalization;

namespace SegPref.Cli.Bench;

/// <summary>Linux /proc readings: a process's resident memory and CPU time, and the machine's load average.</summary>
internal static class ProcessStats
{
    /// <summary>Resident set size in MB, or null when the process is gone.</summary>
    public static double? RssMegabytes(int pid)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>User + system CPU time of the process in milliseconds (from /proc/PID/stat), or null.</summary>
    public static double? CpuMilliseconds(int pid)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var text = File.ReadAllText(path);
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');

            // Fields 14 and 15 of stat (utime, stime) in clock ticks; after the ")" they are the 12th and 13th.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks * 1000.0 / 100;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
