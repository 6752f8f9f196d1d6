using SegPref.Models.Torch;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Segmentation;

/// <summary>
/// Runs torch single-threaded for the lifetime of a test class and restores the previous count. On the shared 2-core
/// machine, two intra-op threads under load made a tiny training step ~10x slower than one (spin waits).
/// Safe because the <see cref="SeededTorch"/> collection runs alone.
/// </summary>
public abstract class SingleThreadedTorch : IDisposable
{
    private readonly int _previous;

    protected SingleThreadedTorch()
    {
        TorchRuntime.EnsureInitialized();
        _previous = get_num_threads();
        set_num_threads(1);
    }

    public void Dispose()
    {
        set_num_threads(_previous);
        DisposeCore();
        GC.SuppressFinalize(this);
    }

    protected virtual void DisposeCore()
    {
    }
}
