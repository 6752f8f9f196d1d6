using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>The per-layer caches of one incremental decode.</summary>
internal sealed class DecoderCache(IReadOnlyList<LayerCache> layers) : IDisposable
{
    public IReadOnlyList<LayerCache> Layers { get; } = layers;

    /// <summary>Keeps and reorders the batch rows (beam search).</summary>
    public void Select(Tensor rows)
    {
        foreach (var layer in Layers)
        {
            layer.Select(rows);
        }
    }

    public void Dispose()
    {
        foreach (var layer in Layers)
        {
            layer.Dispose();
        }
    }
}
