using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SegPref.Gateway.Security;

/// <summary>
/// The API keys from configuration and the key file, held as SHA-256 digests and compared in constant time. The file
/// is re-read when its timestamp or size changes (checked at most once a second), so a rotated key takes effect
/// without restarting the gateway.
/// </summary>
internal sealed class ApiKeyStore(IOptionsMonitor<GatewayAuthOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private (DateTime Written, long Length) _fileStamp;
    private long _checkedAt;
    private bool _loaded;
    private IReadOnlyList<(string Client, byte[] Digest)> _fileKeys = [];

    /// <summary>The client whose key is <paramref name="presented"/>, or null.</summary>
    public string? Authenticate(string presented)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? client = null;

        // Every entry is compared (no early exit), so timing does not tell how far a guess got.
        foreach (var (name, key) in Keys())
        {
            if (CryptographicOperations.FixedTimeEquals(digest, key))
            {
                client ??= name;
            }
        }

        return client;
    }

    /// <summary>How many keys are configured now (configuration and file).</summary>
    public int Count => Keys().Count();

    private IEnumerable<(string Client, byte[] Digest)> Keys()
    {
        var configured = options.CurrentValue.ApiKeys
            .Where(k => !string.IsNullOrWhiteSpace(k.Client))
            .Select(k => (k.Client, Digest(k.Key, k.KeySha256)))
            .Where(k => k.Item2 is not null)
            .Select(k => (k.Client, k.Item2!));
        return configured.Concat(FileKeys());
    }

    private IReadOnlyList<(string Client, byte[] Digest)> FileKeys()
    {
        var path = options.CurrentValue.ApiKeyFile;
        if (string.IsNullOrWhiteSpace(path))
        {
            return [];
        }

        lock (_lock)
        {
            var now = time.GetTimestamp();
            if (_loaded && time.GetElapsedTime(_checkedAt, now) < TimeSpan.FromSeconds(1))
            {
                return _fileKeys;
            }

            (_loaded, _checkedAt) = (true, now);
            var info = new FileInfo(path);
            var stamp = info.Exists ? (info.LastWriteTimeUtc, info.Length) : default;
            if (stamp != _fileStamp)
            {
                _fileStamp = stamp;
                _fileKeys = info.Exists ? Parse(File.ReadAllLines(path)) : [];
            }

            return _fileKeys;
        }
    }

    internal static IReadOnlyList<(string Client, byte[] Digest)> Parse(IEnumerable<string> lines)
    {
        var keys = new List<(string, byte[])>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 2)
            {
                var hashed = parts[1].StartsWith("sha256:", StringComparison.OrdinalIgnoreCase);
                if (Digest(hashed ? null : parts[1], hashed ? parts[1]["sha256:".Length..] : null) is { } digest)
                {
                    keys.Add((parts[0], digest));
                }
            }
        }

        return keys;
    }

    private static byte[]? Digest(string? key, string? sha256Hex)
    {
        if (!string.IsNullOrEmpty(key))
        {
            return SHA256.HashData(Encoding.UTF8.GetBytes(key));
        }

        try
        {
            return sha256Hex is { Length: 64 } ? Convert.FromHexString(sha256Hex) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
