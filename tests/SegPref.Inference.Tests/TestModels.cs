using SegPref.Models.Segmentation;
using SegPref.Models.Torch;
using static TorchSharp.torch;

namespace SegPref.Inference.Tests;

/// <summary>Small random models for the parity tests (no downloads).</summary>
internal static class TestModels
{
    /// <summary>The small preset at 64 px with narrower cues, so a forward takes milliseconds.</summary>
    public static SegmenterOptions SmallOptions(DynamicMaskMode mode = DynamicMaskMode.Calibrated) =>
        SegmenterOptions.Small with { TextDim = 32, DynamicMask = mode };

    public static void Init(long seed)
    {
        TorchRuntime.EnsureInitialized();
        set_num_threads(1);
        manual_seed(seed);
    }

    /// <summary>A segmenter with every parameter and buffer randomised (zero-initialised adapters and unit BN stats would hide bugs).</summary>
    public static Segmenter Segmenter(string kind, SegmenterOptions options, long seed)
    {
        Init(seed);
        var model = SegPref.Models.Segmentation.Segmenter.Create(kind, options);
        Perturb(model);
        if (model is TesoSegmenter teso)
        {
            teso.SetSilenceEmbedding(rand(options.AudioDim));
        }

        model.eval();
        return model;
    }

    /// <summary>Adds noise to all parameters and buffers (variances stay positive).</summary>
    public static void Perturb(nn.Module module)
    {
        using var noGrad = no_grad();
        foreach (var (name, p) in module.named_parameters())
        {
            p.add_(randn_like(p) * 0.05);
        }

        foreach (var (name, b) in module.named_buffers())
        {
            if (!b.is_floating_point())
            {
                continue;
            }

            if (name.EndsWith("running_var", StringComparison.Ordinal))
            {
                b.copy_(rand_like(b) + 0.5);
            }
            else if (name.EndsWith("running_mean", StringComparison.Ordinal))
            {
                b.copy_(randn_like(b) * 0.1);
            }
        }
    }

    public static float[] Floats(Tensor t) => t.detach().cpu().contiguous().data<float>().ToArray();

    /// <summary>Row-major copy of a multi-dimensional array (what the serving sessions take and return).</summary>
    public static T[] Flat<T>(Array values)
        where T : struct => [.. values.Cast<T>()];

    public static float MaxAbsDiff(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        var max = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }
}
