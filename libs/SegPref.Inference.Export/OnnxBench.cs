using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SegPref.Inference.Export.Runs;
using SegPref.Inference.Onnx;
using SegPref.Inference.Repository;
using SegPref.Media.Audio;
using SegPref.Models.Audio;
using SegPref.Models.Cues;
using SegPref.Models.Segmentation;
using static TorchSharp.torch;
using TorchTensor = TorchSharp.torch.Tensor;

namespace SegPref.Inference.Export;

/// <summary>Median latency of one clip through the TorchSharp module and through its exported graph (same inputs, same threads).</summary>
/// <param name="Model">Entry name/version.</param>
/// <param name="Frames">Frames (or examples) per call.</param>
/// <param name="TorchMedianMs">TorchSharp forward, median ms.</param>
/// <param name="OrtMedianMs">ONNX Runtime run, median ms.</param>
/// <param name="Repeats">Timed repetitions of each (after one warm-up).</param>
/// <param name="Provider">ONNX Runtime provider used.</param>
public sealed record BenchResult(string Model, int Frames, double TorchMedianMs, double OrtMedianMs, int Repeats, string Provider);

/// <summary>Times a run folder's module against the repository entry exported from it.</summary>
public static class OnnxBench
{
    /// <summary>Measures <paramref name="runDir"/> vs <paramref name="entryDir"/> on one random clip of <paramref name="frames"/> frames.</summary>
    public static BenchResult Measure(string runDir, string entryDir, int frames, int repeats, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var config = ModelConfig.Read(entryDir);
        using var model = OnnxModel.Open(new ModelEntry(entryDir, config), new InferenceOptions { Provider = ExecutionProvider.Cpu, IntraOpThreads = threads, InterOpThreads = 1 });
        set_num_threads(threads);
        manual_seed(1);
        var ort = Inputs(config, frames);
        var (torch, owner) = config.Kind switch
        {
            ModelKinds.Segmenter => SegmenterForward(runDir, ort),
            ModelKinds.AudioEncoder => AudioForward(runDir, ort),
            ModelKinds.CueEncoder => CueForward(runDir, ort),
            _ => throw new ArgumentException($"No benchmark for a {config.Kind} entry.", nameof(entryDir)),
        };
        double torchMs;
        using (owner)
        {
            torchMs = Median(torch, repeats);
        }

        var ortMs = Median(() => model.Run(ort).Dispose(), repeats);
        return new BenchResult($"{config.Name}/{config.Version}", frames, torchMs, ortMs, repeats, model.Provider);
    }

    private static List<NamedOnnxValue> Inputs(ModelConfig config, int frames) => [.. config.Inputs.Select(spec =>
    {
        var shape = spec.Shape.Select(d => d < 0 ? frames : (int)d).ToArray();
        var count = shape.Aggregate(1, (a, b) => a * b);
        using var values = rand(count);
        var floats = values.data<float>().ToArray();
        return spec.Dtype switch
        {
            "bool" => NamedOnnxValue.CreateFromTensor(spec.Name, new DenseTensor<bool>(floats.Select(v => v > 0.3f).ToArray(), shape)),
            "int64" => NamedOnnxValue.CreateFromTensor(spec.Name, new DenseTensor<long>(floats.Select(v => (long)(v * 3) - 1).ToArray(), shape)),
            _ => NamedOnnxValue.CreateFromTensor(spec.Name, new DenseTensor<float>(floats, shape)),
        };
    })];

    private static TorchTensor ToTorch(NamedOnnxValue value) => value.Value switch
    {
        DenseTensor<float> f => tensor(f.Buffer.ToArray(), [.. f.Dimensions.ToArray().Select(d => (long)d)]),
        DenseTensor<bool> b => tensor(b.Buffer.ToArray(), [.. b.Dimensions.ToArray().Select(d => (long)d)]),
        DenseTensor<long> l => tensor(l.Buffer.ToArray(), [.. l.Dimensions.ToArray().Select(d => (long)d)]),
        _ => throw new ArgumentException($"Unsupported input {value.Name}."),
    };

    private static (Action Forward, IDisposable Owner) SegmenterForward(string runDir, List<NamedOnnxValue> inputs)
    {
        var (model, _, _) = SegmenterRunFolder.Load(runDir);
        var t = inputs.ToDictionary(i => i.Name, ToTorch);
        var input = new SegmentationInput(t[TensorNames.Frames], t[TensorNames.Audio], t.GetValueOrDefault(TensorNames.Cues), t.GetValueOrDefault(TensorNames.CueValid));
        return (() =>
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            _ = model.call(input);
        }, model);
    }

    private static (Action Forward, IDisposable Owner) AudioForward(string runDir, List<NamedOnnxValue> inputs)
    {
        var run = AudioEncoderRun.Load(runDir);
        var data = ((DenseTensor<float>)inputs[0].Value).Buffer.ToArray();
        var examples = new LogMelExamples(data, data.Length / LogMelExamples.ExampleSize);
        return (() => run.EmbedTensor(examples).Dispose(), run);
    }

    private static (Action Forward, IDisposable Owner) CueForward(string runDir, List<NamedOnnxValue> inputs)
    {
        var run = CueEncoderRun.Load(runDir);
        var ids = ToTorch(inputs[0]);
        return (() =>
        {
            using var noGrad = no_grad();
            run.Model.call(ids).Dispose();
        }, run);
    }

    private static double Median(Action action, int repeats)
    {
        action();
        var times = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[repeats / 2];
    }
}
