using System.Text;

namespace SegPref.Media.Masks;

/// <summary>
/// pycocotools' compressed counts string (rleToString / rleFrString): each count from the fourth on is
/// stored as its difference from the count two before (same colour, so usually small), then written
/// little-endian in 5-bit groups as chars '0' + group, with 0x20 set on every group but the last and
/// 0x10 of the last group acting as the sign bit.
/// </summary>
public sealed partial class CocoRle
{
    private const int CharOffset = 48;

    /// <summary>The compressed counts string, byte-identical to pycocotools'.</summary>
    public string ToCompressedString()
    {
        var text = new StringBuilder(_counts.Length * 2);
        for (var i = 0; i < _counts.Length; i++)
        {
            // pycocotools starts the delta at index 3 (i > 2), not 2; kept for byte-identical strings.
            long x = _counts[i];
            if (i > 2)
            {
                x -= _counts[i - 2];
            }

            var more = true;
            while (more)
            {
                var c = (int)(x & 0x1f);
                x >>= 5; // arithmetic shift: negative deltas end at -1.
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more)
                {
                    c |= 0x20;
                }

                text.Append((char)(c + CharOffset));
            }
        }

        return text.ToString();
    }

    /// <summary>Parses a pycocotools compressed counts string for a height x width mask.</summary>
    /// <exception cref="InvalidDataException">Bad characters, a cut-off value, or counts that do not fit the size.</exception>
    public static CocoRle FromCompressedString(int height, int width, string counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var values = new List<int>();
        var p = 0;
        while (p < counts.Length)
        {
            long x = 0;
            var shift = 0;
            var more = true;
            while (more)
            {
                if (p >= counts.Length)
                {
                    throw new InvalidDataException($"RLE counts string ends inside value {values.Count}.");
                }

                var c = counts[p] - CharOffset;
                if (c is < 0 or > 0x3f)
                {
                    throw new InvalidDataException($"RLE counts string has invalid character '{counts[p]}' at {p}.");
                }

                if (shift > 35)
                {
                    throw new InvalidDataException($"RLE counts string value {values.Count} is too long (at {p}).");
                }

                x |= (long)(c & 0x1f) << shift;
                more = (c & 0x20) != 0;
                p++;
                shift += 5;
                if (!more && (c & 0x10) != 0)
                {
                    x |= -1L << shift;
                }
            }

            if (values.Count > 2)
            {
                x += values[^2];
            }

            if (x is < 0 or > int.MaxValue)
            {
                throw new InvalidDataException($"RLE counts string decodes to an invalid run length {x} at value {values.Count}.");
            }

            values.Add((int)x);
        }

        var problem = Validate(height, width, values);
        return problem is null ? new CocoRle(height, width, values) : throw new InvalidDataException($"RLE counts string: {problem}");
    }
}
