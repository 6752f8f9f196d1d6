using Onnx;

namespace SegPref.Inference.Export.Graph;

/// <summary>Thin helpers over <see cref="GraphBuilder"/> nodes for the opset-17 operators the exporters use.</summary>
public sealed class Ops(GraphBuilder graph)
{
    /// <summary>The graph the nodes go into.</summary>
    public GraphBuilder Graph { get; } = graph ?? throw new ArgumentNullException(nameof(graph));

    /// <summary>a + b (broadcasting).</summary>
    public string Add(string a, string b) => Graph.Node("Add", [a, b]);

    /// <summary>a - b.</summary>
    public string Sub(string a, string b) => Graph.Node("Sub", [a, b]);

    /// <summary>a * b.</summary>
    public string Mul(string a, string b) => Graph.Node("Mul", [a, b]);

    /// <summary>a / b.</summary>
    public string Div(string a, string b) => Graph.Node("Div", [a, b]);

    /// <summary>Batched matrix product.</summary>
    public string MatMul(string a, string b) => Graph.Node("MatMul", [a, b]);

    /// <summary>max(x, 0).</summary>
    public string Relu(string x) => Graph.Node("Relu", [x]);

    /// <summary>1 / (1 + exp(-x)).</summary>
    public string Sigmoid(string x) => Graph.Node("Sigmoid", [x]);

    /// <summary>Elementwise e^x.</summary>
    public string Exp(string x) => Graph.Node("Exp", [x]);

    /// <summary>Elementwise natural logarithm.</summary>
    public string Log(string x) => Graph.Node("Log", [x]);

    /// <summary>Softmax over <paramref name="axis"/>.</summary>
    public string Softmax(string x, int axis = -1) => Graph.Node("Softmax", [x], ("axis", axis));

    /// <summary>Reshape (0 copies the input dimension, -1 infers one).</summary>
    public string Reshape(string x, params long[] shape) => Graph.Node("Reshape", [x, Graph.Int64s("shape", shape)]);

    /// <summary>Transpose with <paramref name="perm"/>.</summary>
    public string Transpose(string x, params long[] perm) => Graph.Node("Transpose", [x], ("perm", perm));

    /// <summary>Inserts size-1 axes.</summary>
    public string Unsqueeze(string x, params long[] axes) => Graph.Node("Unsqueeze", [x, Graph.Int64s("axes", axes)]);

    /// <summary>Removes size-1 axes.</summary>
    public string Squeeze(string x, params long[] axes) => Graph.Node("Squeeze", [x, Graph.Int64s("axes", axes)]);

    /// <summary>Mean over <paramref name="axes"/> (attribute form, opset 17).</summary>
    public string ReduceMean(string x, long[] axes, bool keepDims) => Graph.Node("ReduceMean", [x], ("axes", axes), ("keepdims", keepDims ? 1 : 0));

    /// <summary>Minimum over <paramref name="axes"/>.</summary>
    public string ReduceMin(string x, long[] axes, bool keepDims) => Graph.Node("ReduceMin", [x], ("axes", axes), ("keepdims", keepDims ? 1 : 0));

    /// <summary>Maximum over <paramref name="axes"/>.</summary>
    public string ReduceMax(string x, long[] axes, bool keepDims) => Graph.Node("ReduceMax", [x], ("axes", axes), ("keepdims", keepDims ? 1 : 0));

    /// <summary>Sum over <paramref name="axes"/> (axes as an input since opset 13).</summary>
    public string ReduceSum(string x, long[] axes, bool keepDims) => Graph.Node("ReduceSum", [x, Graph.Int64s("axes", axes)], ("keepdims", keepDims ? 1 : 0));

    /// <summary>Element type conversion.</summary>
    public string Cast(string x, TensorProto.Types.DataType to) => Graph.Node("Cast", [x], ("to", (int)to));

    /// <summary>Logical not.</summary>
    public string Not(string x) => Graph.Node("Not", [x]);

    /// <summary>Logical and.</summary>
    public string And(string a, string b) => Graph.Node("And", [a, b]);

    /// <summary>a &gt;= b (bool).</summary>
    public string GreaterOrEqual(string a, string b) => Graph.Node("GreaterOrEqual", [a, b]);

    /// <summary>a &lt; b (bool).</summary>
    public string Less(string a, string b) => Graph.Node("Less", [a, b]);

    /// <summary>condition ? a : b.</summary>
    public string Where(string condition, string a, string b) => Graph.Node("Where", [condition, a, b]);

    /// <summary>max(a, b).</summary>
    public string Max(string a, string b) => Graph.Node("Max", [a, b]);

    /// <summary>Elementwise square root.</summary>
    public string Sqrt(string x) => Graph.Node("Sqrt", [x]);

    /// <summary>The shape of <paramref name="x"/> as int64 [rank].</summary>
    public string Shape(string x) => Graph.Node("Shape", [x]);

    /// <summary>Slice of a 1-D int64 tensor (dimensions [start, end)).</summary>
    public string SliceDims(string shape, long start, long end) =>
        Graph.Node("Slice", [shape, Graph.Int64s("starts", start), Graph.Int64s("ends", end), Graph.Int64s("slice_axes", 0)]);

    /// <summary>Concatenation along <paramref name="axis"/>.</summary>
    public string Concat(int axis, params string[] inputs) => Graph.Node("Concat", inputs, ("axis", axis));

    /// <summary>Broadcasts <paramref name="x"/> to <paramref name="shape"/> (an int64 value).</summary>
    public string Expand(string x, string shape) => Graph.Node("Expand", [x, shape]);

    /// <summary>Index <paramref name="index"/> of <paramref name="axis"/> (the axis is dropped).</summary>
    public string Select(string x, int axis, long index) => Graph.Node("Gather", [x, Graph.Int64Scalar("index", index)], ("axis", axis));

    /// <summary>Rows of <paramref name="table"/> at <paramref name="indices"/>.</summary>
    public string Gather(string table, string indices, int axis = 0) => Graph.Node("Gather", [table, indices], ("axis", axis));

    /// <summary>
    /// Resizes the last two axes of the 4-D <paramref name="x"/> to <paramref name="height"/> x <paramref name="width"/>:
    /// "nearest" as torch's legacy nearest (asymmetric, floor), "linear" as torch's bilinear with align_corners = false.
    /// </summary>
    public string Resize(string x, long height, long width, string mode)
    {
        var sizes = Concat(0, SliceDims(Shape(x), 0, 2), Graph.Int64s("hw", height, width));
        return mode switch
        {
            "nearest" => Graph.Node("Resize", [x, string.Empty, string.Empty, sizes], ("mode", "nearest"), ("coordinate_transformation_mode", "asymmetric"), ("nearest_mode", "floor")),
            "linear" => Graph.Node("Resize", [x, string.Empty, string.Empty, sizes], ("mode", "linear"), ("coordinate_transformation_mode", "pytorch_half_pixel")),
            _ => throw new ArgumentException($"Unknown resize mode '{mode}' (nearest or linear).", nameof(mode)),
        };
    }

    /// <summary>Exact (erf) GELU, as torch's default: 0.5 x (1 + erf(x / sqrt 2)).</summary>
    public string Gelu(string x)
    {
        var erf = Graph.Node("Erf", [Mul(x, Graph.Scalar("inv_sqrt2", (float)(1 / Math.Sqrt(2))))]);
        return Mul(Mul(x, Graph.Scalar("half", 0.5f)), Add(erf, Graph.Scalar("one", 1f)));
    }
}
