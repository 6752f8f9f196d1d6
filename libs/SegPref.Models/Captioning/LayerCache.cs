using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>
/// One decoder layer's state during incremental decoding: self-attention keys/values of the positions decoded so
/// far ([N, H, t, dh]) and the cross-attention keys/values of the visual tokens. Owns its tensors (they outlive
/// the per-step dispose scopes) and releases replaced ones at once, so a long decode does not pile up memory.
/// </summary>
internal sealed class LayerCache(Tensor crossKeys, Tensor crossValues) : IDisposable
{
    public Tensor CrossKeys { get; private set; } = crossKeys.DetachFromDisposeScope();

    public Tensor CrossValues { get; private set; } = crossValues.DetachFromDisposeScope();

    public Tensor? SelfKeys { get; private set; }

    public Tensor? SelfValues { get; private set; }

    public void Append(Tensor keys, Tensor values)
    {
        SelfKeys = Replace(SelfKeys, SelfKeys is null ? keys : cat([SelfKeys, keys], 2));
        SelfValues = Replace(SelfValues, SelfValues is null ? values : cat([SelfValues, values], 2));
    }

    /// <summary>Keeps the rows <paramref name="rows"/> (beam search reorders and drops hypotheses).</summary>
    public void Select(Tensor rows)
    {
        CrossKeys = Replace(CrossKeys, CrossKeys.index_select(0, rows));
        CrossValues = Replace(CrossValues, CrossValues.index_select(0, rows));
        if (SelfKeys is not null)
        {
            SelfKeys = Replace(SelfKeys, SelfKeys.index_select(0, rows));
            SelfValues = Replace(SelfValues, SelfValues!.index_select(0, rows));
        }
    }

    public void Dispose()
    {
        CrossKeys.Dispose();
        CrossValues.Dispose();
        SelfKeys?.Dispose();
        SelfValues?.Dispose();
    }

    private static Tensor Replace(Tensor? old, Tensor fresh)
    {
        var kept = fresh.DetachFromDisposeScope();
        old?.Dispose();
        return kept;
    }
}
