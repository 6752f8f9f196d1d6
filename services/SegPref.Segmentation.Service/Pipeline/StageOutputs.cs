using Grpc.Core;
using SegPref.Contracts.Audio.V1;
using SegPref.Contracts.TextCues.V1;
using SegPref.Cues;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>Checks what the stages returned and lays it out as the segmenter's flat inputs.</summary>
internal static class StageOutputs
{
    /// <summary>Cue embeddings [T,4,width] and validity [T,4]; all slots zero and invalid when the text branch degraded.</summary>
    public static (float[] Cues, bool[] Valid) Cues(ExtractResponse? cues, int frames, int width)
    {
        var vectors = new float[frames * CueSlots.Count * width];
        var valid = new bool[frames * CueSlots.Count];
        if (cues is null)
        {
            return (vectors, valid);
        }

        if (cues.Frames.Count != frames)
        {
            throw Malformed($"text-cues stage returned {cues.Frames.Count} frames for {frames}.");
        }

        var row = CueSlots.Count * width;
        for (var t = 0; t < frames; t++)
        {
            var (values, shape) = Checked(() => cues.Frames[t].Embeddings.ToFlatFloats("embeddings", 2));
            if (shape[0] != CueSlots.Count || shape[1] != width || cues.Frames[t].Valid.Count != CueSlots.Count)
            {
                throw Malformed($"text-cues stage returned frame {t} with shape [{shape[0]},{shape[1]}] and {cues.Frames[t].Valid.Count} validity flags; the segmenter takes [{CueSlots.Count},{width}] and {CueSlots.Count}.");
            }

            values.CopyTo(vectors, t * row);
            for (var s = 0; s < CueSlots.Count; s++)
            {
                valid[(t * CueSlots.Count) + s] = cues.Frames[t].Valid[s];
            }
        }

        return (vectors, valid);
    }

    /// <summary>The audio embeddings [frames,width] of an Encode reply.</summary>
    public static float[] AudioRows(EncodeResponse response, int frames, int width, string stage)
    {
        var (values, shape) = Checked(() => response.Embeddings.ToFlatFloats("embeddings", 2));
        if (shape[0] != frames || shape[1] != width)
        {
            throw Malformed($"{stage} stage returned embeddings [{shape[0]},{shape[1]}]; the segmenter takes [{frames},{width}].");
        }

        return values;
    }

    /// <summary>Row-major copies of <paramref name="values"/> laid end to end <paramref name="times"/> times.</summary>
    public static T[] Repeat<T>(ReadOnlySpan<T> values, int times)
    {
        var result = new T[values.Length * times];
        for (var i = 0; i < times; i++)
        {
            values.CopyTo(result.AsSpan(i * values.Length));
        }

        return result;
    }

    public static T[] Concat<T>(T[] first, T[] second)
    {
        var result = new T[first.Length + second.Length];
        first.CopyTo(result, 0);
        second.CopyTo(result, first.Length);
        return result;
    }

    private static RpcException Malformed(string detail) => new(new Status(StatusCode.Internal, detail));

    private static T Checked<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ArgumentException ex)
        {
            throw Malformed($"a stage returned a malformed tensor: {ex.Message}");
        }
    }
}
