using SegPref.Models.Torch;

namespace SegPref.Cli.Infrastructure;

/// <summary>Torch process settings for commands that train or run TorchSharp models.</summary>
internal static class CliTorch
{
    /// <summary>Sets the intra-op thread count (0 = leave libtorch's default: all cores).</summary>
    public static void SetThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        TorchRuntime.EnsureInitialized();
        if (threads > 0)
        {
            TorchSharp.torch.set_num_threads(threads);
        }
    }
}
