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

    public static void RequireLength(Array values, long length, string what, string expected, string parameter) =>
        Require(values.Length == length, what, $"{expected} ({length} values)", $"{values.Length} values", parameter);

    public static int Dim(Repository.TensorSpec spec, int axis) => spec.Shape[axis] > 0
        ? (int)spec.Shape[axis]
        : throw new InvalidDataException($"config.json: {spec} must have a fixed size on axis {axis}.");
}
