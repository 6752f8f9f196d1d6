using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SegPref.Contracts.Common;

/// <summary>Flat views over multi-dimensional float arrays (stored row-major, contiguous).</summary>
internal static class ArraySpans
{
    public static Span<float> Flat(Array values) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, float>(ref MemoryMarshal.GetArrayDataReference(values)), values.Length);
}
