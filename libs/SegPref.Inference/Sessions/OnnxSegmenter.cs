using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SegPref.Inference.Abstractions;
using SegPref.Inference.Onnx;
using SegPref.Media.Imaging;

namespace SegPref.Inference.Sessions;

/// <summary>
/// <see cref="IMaskSegmenter"/> over an exported TeSO or audio-only graph. Frames are resized to the model's side and
/// normalised with config.json's mean/std exactly as training does (<see cref="ImageTensor.ToChwBatch"/>).
/// </summary>
public sealed class OnnxSegmenter : IMaskSegmenter, IDisposable
{
    private readonly OnnxModel _model;
    private readonly float[] _mean;
    private readonly float[] _std;
    private readonly int _audioDim;
    private readonly int _slots;
    private readonly int _textDim;

    /// <summary>Wraps a loaded segmenter entry.</summary>
    /// <exception cref="InvalidDataException">config.json lacks what a segmenter needs.</exception>
    public OnnxSegmenter(OnnxModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        var c = model.Config;
        var p = c.Preprocessing;
        if (p.ImageSize is not > 0 || p.Mean is not { Count: 3 } || p.Std is not { Count: 3 })
        {
            throw new InvalidDataException($"{model.Entry.Dir}/config.json: a segmenter needs preprocessing.image_size, mean[3] and std[3].");
        }

        ImageSize = p.ImageSize.Value;
        (_mean, _std) = ([.. p.Mean], [.. p.Std]);
        _audioDim = Shapes.Dim(c.Input(TensorNames.Audio), 1);
        UsesText = c.Inputs.Any(i => i.Name == TensorNames.Cues);
        if (UsesText)
        {
            var cues = c.Input(TensorNames.Cues);
            (_slots, _textDim) = (Shapes.Dim(cues, 1), Shapes.Dim(cues, 2));
        }
    }

    /// <inheritdoc/>
    public ModelIdentity Identity => _model.Identity;

    /// <inheritdoc/>
    public bool UsesText { get; }

    /// <inheritdoc/>
    public int ImageSize { get; }

    /// <summary>Width of the audio embeddings the model takes.</summary>
    public int AudioDim => _audioDim;

    /// <summary>The provider that runs it.</summary>
    public string Provider => _model.Provider;

    /// <inheritdoc/>
    public float[,,] Segment(IReadOnlyList<RgbImage> frames, float[,] audio, float[,,]? cues, bool[,]? valid)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(audio);
        var t = frames.Count;
        Shapes.Require(t > 0, "frames", "at least one frame", "none", nameof(frames));
        Shapes.Require(audio.GetLength(0) == t && audio.GetLength(1) == _audioDim, "audio", $"[{t},{_audioDim}]", Shapes.Of(audio), nameof(audio));
        var s = ImageSize;
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor(TensorNames.Frames, new DenseTensor<float>(ImageTensor.ToChwBatch(frames, s, s, _mean, _std), [t, 3, s, s])),
            NamedOnnxValue.CreateFromTensor(TensorNames.Audio, new DenseTensor<float>(Shapes.Flatten<float>(audio), [t, _audioDim])),
        };
        if (UsesText)
        {
            Shapes.Require(cues is not null && cues.GetLength(0) == t && cues.GetLength(1) == _slots && cues.GetLength(2) == _textDim, "cues", $"[{t},{_slots},{_textDim}]", cues is null ? "null" : Shapes.Of(cues), nameof(cues));
            Shapes.Require(valid is not null && valid.GetLength(0) == t && valid.GetLength(1) == _slots, "valid", $"[{t},{_slots}]", valid is null ? "null" : Shapes.Of(valid), nameof(valid));
            inputs.Add(NamedOnnxValue.CreateFromTensor(TensorNames.Cues, new DenseTensor<float>(Shapes.Flatten<float>(cues!), [t, _slots, _textDim])));
            inputs.Add(NamedOnnxValue.CreateFromTensor(TensorNames.CueValid, new DenseTensor<bool>(Shapes.Flatten<bool>(valid!), [t, _slots])));
        }

        var flat = _model.RunFloat(inputs, TensorNames.MapLogits);
        var map = new float[t, s, s];
        Buffer.BlockCopy(flat, 0, map, 0, flat.Length * sizeof(float));
        return map;
    }

    /// <inheritdoc/>
    public void Dispose() => _model.Dispose();
}
