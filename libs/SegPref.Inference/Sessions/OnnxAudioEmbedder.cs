using SegPref.Inference.Abstractions;
using SegPref.Inference.Onnx;
using SegPref.Inference.Repository;
using SegPref.Media.Audio;

namespace SegPref.Inference.Sessions;

/// <summary><see cref="IAudioEmbedder"/> over an exported (or third-party VGGish-style) graph: log_mel [N,1,96,64] -> embeddings [N,E].</summary>
public sealed class OnnxAudioEmbedder : IAudioEmbedder, IDisposable
{
    private readonly OnnxModel _model;
    private readonly string _input;
    private readonly string _output;
    private readonly long[] _exampleShape;

    /// <summary>Wraps a loaded audio encoder entry (its single input and output are used, whatever their names).</summary>
    /// <exception cref="InvalidDataException">The entry does not have exactly one input and one output of the expected ranks.</exception>
    public OnnxAudioEmbedder(OnnxModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        var c = model.Config;
        if (c.Inputs.Count != 1 || c.Outputs.Count != 1 || c.Inputs[0].Shape.Count is not (3 or 4) || c.Outputs[0].Shape.Count != 2)
        {
            throw new InvalidDataException($"{model.Entry.Dir}/config.json: an audio encoder needs one input [N,(1,)96,64] and one output [N,E].");
        }

        (_input, _output) = (c.Inputs[0].Name, c.Outputs[0].Name);
        _exampleShape = [.. c.Inputs[0].Shape.Skip(1)];
        if (_exampleShape.Aggregate(1L, (a, b) => a * b) != LogMelExamples.ExampleSize)
        {
            throw new InvalidDataException($"{model.Entry.Dir}/config.json: input {c.Inputs[0]} does not hold one {LogMelExamples.FrameCount}x{LogMelExamples.BandCount} log-mel example per row.");
        }

        EmbeddingSize = Shapes.Dim(c.Outputs[0], 1);
    }

    /// <inheritdoc/>
    public ModelIdentity Identity => _model.Identity;

    /// <inheritdoc/>
    public ModelConfig? Config => _model.Config;

    /// <inheritdoc/>
    public int EmbeddingSize { get; }

    /// <inheritdoc/>
    public float[] Embed(LogMelExamples examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var n = examples.Count;
        Shapes.Require(n > 0, "examples", $"[N>0,{LogMelExamples.FrameCount},{LogMelExamples.BandCount}]", "no examples", nameof(examples));
        var data = examples.Data.Length == n * LogMelExamples.ExampleSize ? examples.Data : examples.Data[..(n * LogMelExamples.ExampleSize)];
        var embeddings = new float[n * EmbeddingSize];
        _model.Run([new FlatTensor(_input, data, [n, .. _exampleShape])], [new FlatTensor(_output, embeddings, [n, EmbeddingSize])]);
        return embeddings;
    }

    /// <inheritdoc/>
    public void Dispose() => _model.Dispose();
}
