// Inline MSBuild task (RoslynCodeTaskFactory, compiled against netstandard 2.0 by MSBuild itself), used by
// build/TorchSharpNativeFix.targets. It is one file because an inline task takes exactly one source file.
//
// What it does, only on Linux and only when the system libstdc++ lacks RequiredVersion (GLIBCXX_3.4.32):
// sets VER_FLG_WEAK in the vna_flags of that version's Vernaux entry in .gnu.version_r of each given
// build-output copy of libLibTorchSharp.so, so the dynamic loader no longer refuses the library. The file
// is patched through a temporary copy that then replaces it: a hard link or symbolic link into the NuGet
// package cache is replaced, never written through. The original timestamp is restored so MSBuild's
// Copy (SkipUnchangedFiles: same size and time) treats the output copy as current; a new package file
// (different size or time) is copied again by the SDK and then patched again.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class SegPrefTorchSharpNativeFix : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    private static readonly string[] FallbackLibStdCxxPaths =
    {
        "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
    };

    /// <summary>Build-output copies of libLibTorchSharp.so.</summary>
    [Required]
    public ITaskItem[] Libraries { get; set; }

    /// <summary>The libstdc++ symbol version the library needs and the system may lack.</summary>
    [Required]
    public string RequiredVersion { get; set; }

    /// <summary>The C++ compiler to look up on PATH when the fix is needed.</summary>
    public string CompilerName { get; set; } = "g++";

    /// <summary>Set to the libstdc++ to inspect instead of asking ldconfig (tests, unusual systems).</summary>
    public string LibStdCxxPath { get; set; }

    [Output]
    public bool FixNeeded { get; private set; }

    [Output]
    public string Compiler { get; private set; }

    [Output]
    public ITaskItem[] PatchedLibraries { get; private set; } = new ITaskItem[0];

    public override bool Execute()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return true;
        }

        string libStdCxx = string.IsNullOrEmpty(LibStdCxxPath) ? LocateLibStdCxx() : LibStdCxxPath;
        if (libStdCxx == null)
        {
            Log.LogMessage(MessageImportance.Normal, "SegPref: no libstdc++.so.6 found; TorchSharp native fix skipped.");
            return true;
        }

        if (ContainsVersionString(File.ReadAllBytes(libStdCxx), RequiredVersion))
        {
            Log.LogMessage(MessageImportance.Low, "SegPref: {0} provides {1}; TorchSharp natives left as they are.", libStdCxx, RequiredVersion);
            return true;
        }

        FixNeeded = true;
        Compiler = FindOnPath(CompilerName);
        if (Compiler == null)
        {
            Log.LogError(
                "SegPref: the system libstdc++ ({0}) lacks {1}, which TorchSharp's libLibTorchSharp.so needs. The build fixes this by " +
                "compiling build/native/ios_base_library_init.cpp, but the C++ compiler '{2}' is not on PATH. Install it " +
                "(Debian/Ubuntu: sudo apt-get install g++) and build again. See docs/torchsharp-debian12.md.",
                libStdCxx, RequiredVersion, CompilerName);
            return false;
        }

        var patched = new List<ITaskItem>();
        foreach (ITaskItem library in Libraries)
        {
            string path = library.GetMetadata("FullPath");
            try
            {
                if (PatchFile(path, RequiredVersion))
                {
                    Log.LogMessage(MessageImportance.High, "SegPref: marked {0} as a weak version need in {1}", RequiredVersion, path);
                    patched.Add(library);
                }
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
            {
                Log.LogError("SegPref: cannot patch {0}: {1}", path, e.Message);
            }
        }

        PatchedLibraries = patched.ToArray();
        return !Log.HasLoggedErrors;
    }

    /// <summary>Returns true when the file was changed; false when the flag was already set (idempotent).</summary>
    private static bool PatchFile(string path, string version)
    {
        byte[] elf = File.ReadAllBytes(path);
        long flagsOffset = FindVernauxFlagsOffset(elf, path, version);
        if (flagsOffset < 0)
        {
            throw new InvalidDataException("no version need " + version + " in .gnu.version_r (not the expected TorchSharp native?)");
        }

        ushort flags = ReadU16(elf, flagsOffset);
        if ((flags & VerFlgWeak) != 0)
        {
            return false;
        }

        DateTime lastWriteUtc = File.GetLastWriteTimeUtc(path);
        string temp = path + ".segpref-patch.tmp";
        File.Copy(path, temp, true); // keeps the file mode (executable bits)
        using (var stream = new FileStream(temp, FileMode.Open, FileAccess.Write))
        {
            ushort weak = (ushort)(flags | VerFlgWeak);
            stream.Position = flagsOffset;
            stream.Write(new[] { (byte)weak, (byte)(weak >> 8) }, 0, 2);
        }

        File.SetLastWriteTimeUtc(temp, lastWriteUtc);
        File.Delete(path); // removes only this directory entry: a hard or symbolic link target is untouched
        File.Move(temp, path);
        return true;
    }

    /// <summary>File offset of vna_flags of the Vernaux named <paramref name="version"/>, or -1 if absent.</summary>
    private static long FindVernauxFlagsOffset(byte[] elf, string path, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new InvalidDataException(path + " is not an ELF file");
        }

        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException(path + " is not a 64-bit little-endian ELF file");
        }

        long sectionTable = (long)ReadU64(elf, 0x28);
        int entrySize = ReadU16(elf, 0x3a);
        int count = ReadU16(elf, 0x3c);
        if (entrySize < 64 || count == 0)
        {
            throw new InvalidDataException(path + " has no usable section header table");
        }

        for (int i = 0; i < count; i++)
        {
            long header = Checked(elf, sectionTable + ((long)i * entrySize), 64, path);
            if (ReadU32(elf, header + 4) != ShtGnuVerneed)
            {
                continue;
            }

            long offset = (long)ReadU64(elf, header + 24);
            long size = (long)ReadU64(elf, header + 32);
            uint link = ReadU32(elf, header + 40);
            uint needCount = ReadU32(elf, header + 44);
            Checked(elf, offset, size, path);
            long stringTable = StringTableOffset(elf, sectionTable, entrySize, count, link, path);
            return WalkVerneed(elf, offset, size, needCount, stringTable, version, path);
        }

        throw new InvalidDataException(path + " has no .gnu.version_r (SHT_GNU_verneed) section");
    }

    private static long WalkVerneed(byte[] elf, long start, long size, uint needCount, long strings, string version, string path)
    {
        long need = start;
        for (uint n = 0; n < needCount; n++)
        {
            Checked(elf, need, 16, path);
            if (need + 16 > start + size)
            {
                throw new InvalidDataException(path + ": Verneed entry outside .gnu.version_r");
            }

            ushort auxCount = ReadU16(elf, need + 2);
            long aux = need + ReadU32(elf, need + 8);
            for (int a = 0; a < auxCount; a++)
            {
                Checked(elf, aux, 16, path);
                if (ReadCString(elf, strings + ReadU32(elf, aux + 8), path) == version)
                {
                    return aux + 4;
                }

                aux += ReadU32(elf, aux + 12);
            }

            uint next = ReadU32(elf, need + 12);
            if (next == 0)
            {
                break;
            }

            need += next;
        }

        return -1;
    }

    private static long StringTableOffset(byte[] elf, long sectionTable, int entrySize, int count, uint link, string path)
    {
        if (link == 0 || link >= count)
        {
            throw new InvalidDataException(path + ": .gnu.version_r links to no string table");
        }

        long header = Checked(elf, sectionTable + ((long)link * entrySize), 64, path);
        return Checked(elf, (long)ReadU64(elf, header + 24), (long)ReadU64(elf, header + 32), path);
    }

    private static string ReadCString(byte[] elf, long offset, string path)
    {
        Checked(elf, offset, 1, path);
        long end = offset;
        while (end < elf.Length && elf[end] != 0)
        {
            end++;
        }

        return Encoding.ASCII.GetString(elf, (int)offset, (int)(end - offset));
    }

    private static long Checked(byte[] elf, long offset, long length, string path)
    {
        if (offset < 0 || length < 0 || offset + length > elf.Length)
        {
            throw new InvalidDataException(path + ": ELF structure points outside the file (offset " + offset + ")");
        }

        return offset;
    }

    private static ushort ReadU16(byte[] b, long o) => (ushort)(b[o] | (b[o + 1] << 8));

    private static uint ReadU32(byte[] b, long o) => (uint)(b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24));

    private static ulong ReadU64(byte[] b, long o) => ReadU32(b, o) | ((ulong)ReadU32(b, o + 4) << 32);

    /// <summary>Version names sit NUL-terminated in .dynstr; the terminator keeps 3.4.3 from matching 3.4.32.</summary>
    private static bool ContainsVersionString(byte[] file, string version)
    {
        byte[] needle = Encoding.ASCII.GetBytes(version + "\0");
        for (int i = 0; i <= file.Length - needle.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && file[i + j] == needle[j])
            {
                j++;
            }

            if (j == needle.Length && (i == 0 || file[i - 1] == 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The x86-64 libstdc++.so.6 the loader would pick (ldconfig's cache), else a usual location.</summary>
    private static string LocateLibStdCxx()
    {
        foreach (string ldconfig in new[] { "/sbin/ldconfig", "/usr/sbin/ldconfig" })
        {
            if (!File.Exists(ldconfig))
            {
                continue;
            }

            var info = new ProcessStartInfo(ldconfig, "-p") { RedirectStandardOutput = true, UseShellExecute = false };
            using (Process process = Process.Start(info))
            {
                string output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                foreach (string line in output.Split('\n'))
                {
                    int arrow = line.IndexOf("=> ", StringComparison.Ordinal);
                    if (line.TrimStart().StartsWith("libstdc++.so.6 ", StringComparison.Ordinal) && line.Contains("x86-64") && arrow > 0)
                    {
                        string candidate = line.Substring(arrow + 3).Trim();
                        if (File.Exists(candidate))
                        {
                            return candidate;
                        }
                    }
                }
            }
        }

        foreach (string candidate in FallbackLibStdCxxPaths)
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string FindOnPath(string name)
    {
        if (name.IndexOf('/') >= 0)
        {
            return File.Exists(name) ? name : null;
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'))
        {
            string candidate = Path.Combine(dir.Length == 0 ? "." : dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
