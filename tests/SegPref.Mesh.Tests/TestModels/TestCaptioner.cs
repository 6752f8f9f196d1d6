using SegPref.Inference.Abstractions;
using SegPref.Media.Imaging;

namespace SegPref.Mesh.Tests.TestModels;

/// <summary>A real, deterministic captioner for tests: names the dominant colour channel's object.</summary>
/// <remarks>Red-dominant frames show "a man playing a guitar", green "a dog on the grass", blue "a piano in a blue room".</remarks>
internal sealed class TestCaptioner : IImageCaptioner
{
    public ModelIdentity Identity { get; } = new("test-captioner", "1");

    public SegPref.Inference.Repository.ModelConfig? Config => null;

    /// <summary>Time each call takes (set after warm-up to test deadlines).</summary>
    public TimeSpan Delay { get; set; }

    public int Calls { get; private set; }

    /// <summary>Calls still to answer UNAVAILABLE (a stage that drops requests for a moment), for retry tests.</summary>
    public int FailNext { get; set; }

    public IReadOnlyList<string> Describe(IReadOnlyList<RgbImage> frames)
    {
        if (frames.Count == 0)
        {
            throw new ArgumentException("No frames.", nameof(frames));
        }

        Calls++;
        if (FailNext > 0)
        {
            FailNext--;
            throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, "test captioner dropped the call"));
        }
        if (Delay > TimeSpan.Zero)
        {
            Thread.Sleep(Delay);
        }

        return [.. frames.Select(Describe)];
    }

    private static string Describe(RgbImage frame)
    {
        long r = 0, g = 0, b = 0;
        for (var i = 0; i < frame.Pixels.Length; i += 3)
        {
            r += frame.Pixels[i];
            g += frame.Pixels[i + 1];
            b += frame.Pixels[i + 2];
        }

        return r >= g && r >= b ? "a man playing a guitar"
            : g >= b ? "a dog on the grass"
            : "a piano in a blue room";
    }
}
