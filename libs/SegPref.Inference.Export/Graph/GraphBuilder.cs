using System.Globalization;
using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace SegPref.Inference.Export.Graph;

/// <summary>
/// A small fluent builder of ONNX graphs (default domain, opset <see cref="Opset"/>): graph inputs, initializers taken
/// from TorchSharp tensors or arrays, nodes with attributes, outputs. Every value gets a unique, deterministic name, so
/// exporting the same module twice gives byte-identical files.
/// </summary>
public sealed class GraphBuilder
{
    /// <summary>The ONNX opset the graphs target.</summary>
    public const int Opset = 17;

    // IR version 8 is what opset 17 shipped with (ONNX 1.12).
    private const long IrVersion = 8;

    private readonly GraphProto _graph;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);

    /// <summary>Starts an empty graph called <paramref name="name"/>.</summary>
    public GraphBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _graph = new GraphProto { Name = name };
    }

    /// <summary>Declares a graph input and returns its name.</summary>
    /// <exception cref="ArgumentException">The name is taken.</exception>
    public string Input(string name, TensorProto.Types.DataType type, params TensorDim[] shape)
    {
        Claim(name);
        _graph.Input.Add(ValueInfo(name, type, shape));
        return name;
    }

    /// <summary>Declares <paramref name="value"/> as the graph output <paramref name="name"/> (through an Identity when renamed).</summary>
    public GraphBuilder Output(string value, string name, TensorProto.Types.DataType type, params TensorDim[] shape)
    {
        if (!string.Equals(value, name, StringComparison.Ordinal))
        {
            Claim(name);
            _graph.Node.Add(NewNode("Identity", [value], [name]));
        }

        _graph.Output.Add(ValueInfo(name, type, shape));
        return this;
    }

    /// <summary>A float32 initializer holding a copy of <paramref name="tensor"/> (any device, any float dtype).</summary>
    public string Initializer(string hint, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var cpu = tensor.detach().to(ScalarType.Float32).cpu().contiguous();
        return Initializer(hint, cpu.data<float>().ToArray(), cpu.shape);
    }

    /// <summary>A float32 initializer of <paramref name="shape"/>.</summary>
    public string Initializer(string hint, float[] values, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckCount(values.Length, shape);
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return AddInitializer(hint, TensorProto.Types.DataType.Float, bytes, shape);
    }

    /// <summary>An int64 initializer (shapes, axes, indices).</summary>
    public string Int64s(string hint, params long[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bytes = new byte[values.Length * sizeof(long)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return AddInitializer(hint, TensorProto.Types.DataType.Int64, bytes, values.Length);
    }

    /// <summary>An int64 scalar initializer (shape []).</summary>
    public string Int64Scalar(string hint, long value) => AddInitializer(hint, TensorProto.Types.DataType.Int64, BitConverter.GetBytes(value));

    /// <summary>A float32 scalar initializer (shape []).</summary>
    public string Scalar(string hint, float value) => AddInitializer(hint, TensorProto.Types.DataType.Float, BitConverter.GetBytes(value));

    /// <summary>A bool initializer of <paramref name="shape"/>.</summary>
    public string Bools(string hint, bool[] values, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckCount(values.Length, shape);
        return AddInitializer(hint, TensorProto.Types.DataType.Bool, [.. values.Select(v => v ? (byte)1 : (byte)0)], shape);
    }

    /// <summary>Adds a node with one output and returns the output's name.</summary>
    public string Node(string op, string[] inputs, params (string Name, object Value)[] attributes) =>
        Node(op, inputs, 1, attributes)[0];

    /// <summary>Adds a node with <paramref name="outputs"/> outputs and returns their names.</summary>
    public string[] Node(string op, string[] inputs, int outputs, params (string Name, object Value)[] attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(op);
        ArgumentNullException.ThrowIfNull(inputs);
        var names = Enumerable.Range(0, outputs).Select(_ => Unique(op.ToLowerInvariant())).ToArray();
        var node = NewNode(op, inputs, names);
        foreach (var (name, value) in attributes)
        {
            node.Attribute.Add(Attribute(name, value));
        }

        _graph.Node.Add(node);
        return names;
    }

    /// <summary>The finished model (opset <see cref="Opset"/>) with <paramref name="docString"/> as its description.</summary>
    public ModelProto Build(string docString)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "SegPref.Inference.Export",
            ProducerVersion = "1",
            DocString = docString ?? string.Empty,
            Graph = _graph.Clone(),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = Opset });
        return model;
    }

    /// <summary>The serialized model.</summary>
    public byte[] ToBytes(string docString) => Build(docString).ToByteArray();

    private string AddInitializer(string hint, TensorProto.Types.DataType type, byte[] bytes, params long[] shape)
    {
        var name = Unique(hint);
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
        tensor.Dims.AddRange(shape);
        _graph.Initializer.Add(tensor);
        return name;
    }

    private static void CheckCount(int count, long[] shape)
    {
        var expected = shape.Aggregate(1L, (a, b) => a * b);
        if (expected != count)
        {
            throw new ArgumentException($"An initializer of shape [{string.Join(",", shape)}] needs {expected} values, got {count}.", nameof(shape));
        }
    }

    private static NodeProto NewNode(string op, IEnumerable<string> inputs, IEnumerable<string> outputs)
    {
        var node = new NodeProto { OpType = op, Name = string.Empty };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Name = node.Output[0];
        return node;
    }

    private static AttributeProto Attribute(string name, object value)
    {
        var attribute = new AttributeProto { Name = name };
        switch (value)
        {
            case int i:
                (attribute.Type, attribute.I) = (AttributeProto.Types.AttributeType.Int, i);
                break;
            case long l:
                (attribute.Type, attribute.I) = (AttributeProto.Types.AttributeType.Int, l);
                break;
            case float f:
                (attribute.Type, attribute.F) = (AttributeProto.Types.AttributeType.Float, f);
                break;
            case string s:
                (attribute.Type, attribute.S) = (AttributeProto.Types.AttributeType.String, ByteString.CopyFromUtf8(s));
                break;
            case long[] ints:
                attribute.Type = AttributeProto.Types.AttributeType.Ints;
                attribute.Ints.AddRange(ints);
                break;
            case TensorProto t:
                (attribute.Type, attribute.T) = (AttributeProto.Types.AttributeType.Tensor, t);
                break;
            default:
                throw new ArgumentException($"Attribute '{name}' has an unsupported type {value?.GetType().Name ?? "null"}.", nameof(value));
        }

        return attribute;
    }

    private static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type, TensorDim[] shape)
    {
        var tensorShape = new TensorShapeProto();
        foreach (var dim in shape)
        {
            tensorShape.Dim.Add(dim.Symbol is null
                ? new TensorShapeProto.Types.Dimension { DimValue = dim.Size }
                : new TensorShapeProto.Types.Dimension { DimParam = dim.Symbol });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = tensorShape } },
        };
    }

    private void Claim(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_names.Add(name))
        {
            throw new ArgumentException($"The graph already has a value called '{name}'.", nameof(name));
        }
    }

    private string Unique(string hint)
    {
        var stem = string.IsNullOrWhiteSpace(hint) ? "v" : hint;
        while (true)
        {
            var n = _counters.GetValueOrDefault(stem);
            _counters[stem] = n + 1;
            var name = n == 0 ? stem : string.Create(CultureInfo.InvariantCulture, $"{stem}_{n}");
            if (_names.Add(name))
            {
                return name;
            }
        }
    }
}
