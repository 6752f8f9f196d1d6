using Microsoft.Extensions.Options;

namespace SegPref.Captioner.Service;

/// <summary>Descriptions by image content hash (SHA-256 of the encoded bytes), least recently used dropped first.</summary>
public sealed class CaptionCache(IOptions<CaptionerOptions> options)
{
    private readonly int _capacity = options.Value.CacheCapacity;
    private readonly Dictionary<string, LinkedListNode<(string Key, string Description)>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, string Description)> _order = new();
    private readonly Lock _lock = new();

    public bool TryGet(string key, out string description)
    {
        lock (_lock)
        {
            if (_index.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                description = node.Value.Description;
                return true;
            }
        }

        description = string.Empty;
        return false;
    }

    public void Add(string key, string description)
    {
        if (_capacity == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_index.Remove(key, out var existing))
            {
                _order.Remove(existing);
            }

            _index[key] = _order.AddFirst((key, description));
            while (_index.Count > _capacity)
            {
                _index.Remove(_order.Last!.Value.Key);
                _order.RemoveLast();
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _index.Count;
            }
        }
    }
}
