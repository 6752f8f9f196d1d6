namespace SegPref.Inference.Sessions;

/// <summary>Call-time shape checks with messages that give the expected shape.</summary>
internal static class Shapes
{
    public static void Require(bool ok, string what, string expected, string actual, string parameter)
    {
        if (!ok)
        {
            throw new ArgumentException($"{what} must be {expected}, got {actual}.", parameter);
        }
    }

    public static string Of(Array a) => "[" + string.Join(",", Enumerable.Range(0, a.Rank).Select(a.GetLength)) + "]";

    public static int Dim(Repository.TensorSpec spec, int axis) => spec.Shape[axis] > 0
        ? (int)spec.Shape[axis]
        : throw new InvalidDataException($"config.json: {spec} must have a fixed size on axis {axis}.");

    /// <summary>Row-major copy of a multi-dimensional array.</summary>
    public static T[] Flatten<T>(Array values)
        where T : struct
    {
        var flat = new T[values.Length];
        var i = 0;
        foreach (T v in values)
        {
            flat[i++] = v;
        }

        return flat;
    }
}
