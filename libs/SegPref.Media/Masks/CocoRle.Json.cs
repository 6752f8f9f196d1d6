using System.Text;
using System.Text.Json;

namespace SegPref.Media.Masks;

/// <summary>The COCO JSON shape <c>{"size": [h, w], "counts": "..." | [..]}</c>.</summary>
public sealed partial class CocoRle
{
    /// <summary>Writes the COCO JSON object, with counts as the compressed string or as a plain array.</summary>
    public string ToJson(bool compressed = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("size");
            writer.WriteNumberValue(Height);
            writer.WriteNumberValue(Width);
            writer.WriteEndArray();
            if (compressed)
            {
                writer.WriteString("counts", ToCompressedString());
            }
            else
            {
                writer.WriteStartArray("counts");
                foreach (var c in _counts)
                {
                    writer.WriteNumberValue(c);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads the COCO JSON object; counts may be the compressed string or an array of integers.</summary>
    /// <exception cref="InvalidDataException">Malformed JSON, size or counts (the message names <paramref name="sourceName"/>).</exception>
    public static CocoRle FromJson(string json, string sourceName = "RLE JSON")
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("size", out var size) || size.ValueKind != JsonValueKind.Array || size.GetArrayLength() != 2
                || !root.TryGetProperty("counts", out var counts))
            {
                throw new InvalidDataException($"{sourceName}: expected {{\"size\": [h, w], \"counts\": ...}}.");
            }

            int height = size[0].GetInt32(), width = size[1].GetInt32();
            if (height <= 0 || width <= 0)
            {
                throw new InvalidDataException($"{sourceName}: size [{height}, {width}] must be positive.");
            }

            return counts.ValueKind switch
            {
                JsonValueKind.String => FromCompressedString(height, width, counts.GetString()!),
                JsonValueKind.Array => FromCountArray(height, width, [.. counts.EnumerateArray().Select(c => c.GetInt32())]),
                _ => throw new InvalidDataException($"{sourceName}: counts must be a string or an array, not {counts.ValueKind}."),
            };
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or InvalidDataException)
        {
            throw new InvalidDataException(e.Message.StartsWith(sourceName, StringComparison.Ordinal) ? e.Message : $"{sourceName}: {e.Message}", e);
        }
    }

    private static CocoRle FromCountArray(int height, int width, int[] counts)
    {
        var problem = Validate(height, width, counts);
        return problem is null ? new CocoRle(height, width, counts) : throw new InvalidDataException(problem);
    }
}
