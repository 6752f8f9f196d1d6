using SegPref.Cues;
using SegPref.Inference.Abstractions;

namespace SegPref.Mesh.Tests.TestModels;

/// <summary>A real, deterministic cue encoder for tests: a hashed one-hot per cue word ("None" is zero and invalid).</summary>
internal sealed class TestCueEmbedder : ICueEmbedder
{
    public const int Width = 16;

    public ModelIdentity Identity { get; } = new("test-cue-encoder", "1");

    public SegPref.Inference.Repository.ModelConfig? Config => null;

    public int EmbeddingSize => Width;

    public CueEmbeddings Embed(IReadOnlyList<string[]> slots)
    {
        var vectors = new float[slots.Count * CueSlots.Count * Width];
        var valid = new bool[slots.Count * CueSlots.Count];
        for (var t = 0; t < slots.Count; t++)
        {
            if (slots[t].Length != CueSlots.Count)
            {
                throw new ArgumentException($"Frame {t} has {slots[t].Length} slots, not {CueSlots.Count}.", nameof(slots));
            }

            for (var s = 0; s < CueSlots.Count; s++)
            {
                if (slots[t][s] != CueSlots.None)
                {
                    vectors[(((t * CueSlots.Count) + s) * Width) + (Fnv(slots[t][s]) % Width)] = 1;
                    valid[(t * CueSlots.Count) + s] = true;
                }
            }
        }

        return new CueEmbeddings(vectors, valid);
    }

    private static int Fnv(string word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7fffffff);
    }
}
