using SegPref.Inference.Abstractions;
using SegPref.Inference.Onnx;
using SegPref.Inference.Repository;
using SegPref.Media.Imaging;

namespace SegPref.Inference.Sessions;

/// <summary>
/// <see cref="IMaskSegmenter"/> over an exported TeSO or audio-only graph. Frames are resized to the model's side and
/// normalised with config.json's mean/std exactly as training does (<see cref="ImageTensor.ToChwBatch"/>); the
/// buffers go to ONNX Runtime pinned, and the logits (and audio support, when the graph has it) come back into
/// pre-allocated arrays.
/// </summary>
public sealed class OnnxSegmenter : IMaskSegmenter, IDisposable
{
    private readonly OnnxModel _model;
    private readonly float[] _mean;
    private readonly float[] _std;
    private readonly int _slots;

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
        AudioWidth = Shapes.Dim(c.Input(TensorNames.Audio), 1);
        UsesText = c.Inputs.Any(i => i.Name == TensorNames.Cues);
        ReportsAudioSupport = c.Outputs.Any(o => o.Name == TensorNames.AudioSupport);
        if (UsesText)
        {
            var cues = c.Input(TensorNames.Cues);
            (_slots, CueWidth) = (Shapes.Dim(cues, 1), Shapes.Dim(cues, 2));
        }
    }

    /// <inheritdoc/>
    public ModelIdentity Identity => _model.Identity;

    /// <inheritdoc/>
    public ModelConfig? Config => _model.Config;

    /// <inheritdoc/>
    public bool UsesText { get; }

    /// <inheritdoc/>
    public int ImageSize { get; }

    /// <inheritdoc/>
    public int AudioWidth { get; }

    /// <inheritdoc/>
    public int CueWidth { get; }

    /// <inheritdoc/>
    public bool ReportsAudioSupport { get; }

    /// <summary>The provider that runs it.</summary>
    public string Provider => _model.Provider;

    /// <inheritdoc/>
    public float[] PrepareFrames(IReadOnlyList<RgbImage> frames) => ImageTensor.ToChwBatch(frames, ImageSize, ImageSize, _mean, _std);

    /// <inheritdoc/>
    public SegmenterOutput Segment(SegmenterInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (t, s) = (input.Frames, ImageSize);
        Shapes.Require(t > 0, "frames", "at least one frame", "none", nameof(input));
        Shapes.RequireLength(input.Pixels, (long)t * 3 * s * s, "frames", $"[{t},3,{s},{s}]", nameof(input));
        Shapes.RequireLength(input.Audio, (long)t * AudioWidth, "audio", $"[{t},{AudioWidth}]", nameof(input));
        var inputs = new List<FlatTensor>
        {
            new(TensorNames.Frames, input.Pixels, [t, 3, s, s]),
            new(TensorNames.Audio, input.Audio, [t, AudioWidth]),
        };
        if (UsesText)
        {
            Shapes.Require(input.Cues is not null && input.CueValid is not null, "cues", $"[{t},{_slots},{CueWidth}] with validity [{t},{_slots}]", "none", nameof(input));
            Shapes.RequireLength(input.Cues!, (long)t * _slots * CueWidth, "cues", $"[{t},{_slots},{CueWidth}]", nameof(input));
            Shapes.RequireLength(input.CueValid!, (long)t * _slots, "cue_valid", $"[{t},{_slots}]", nameof(input));
            inputs.Add(new(TensorNames.Cues, input.Cues!, [t, _slots, CueWidth]));
            inputs.Add(new(TensorNames.CueValid, input.CueValid!, [t, _slots]));
        }

        var logits = new float[t * s * s];
        var support = ReportsAudioSupport ? new float[t] : null;
        var outputs = new List<FlatTensor> { new(TensorNames.MapLogits, logits, [t, s, s]) };
        if (support is not null)
        {
            outputs.Add(new(TensorNames.AudioSupport, support, [t]));
        }

        _model.Run(inputs, outputs);
        return new SegmenterOutput(logits, support);
    }

    /// <inheritdoc/>
    public void Dispose() => _model.Dispose();
}
