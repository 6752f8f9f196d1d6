using System.Text.Json;
using SegPref.Inference.Export.Graph;
using SegPref.Inference.Export.Repository;
using SegPref.Inference.Repository;
using SegPref.Inference.Sessions;
using SegPref.Media.Imaging;
using SegPref.Models.Captioning;

namespace SegPref.Inference.Export.Captioning;

/// <summary>Exports a captioner run into a repository entry: encoder.onnx ("model"), decoder.onnx ("decoder"), vocab.json, config.json.</summary>
public static class CaptionerEntry
{
    /// <summary>Writes the entry of <paramref name="run"/>; returns its folder.</summary>
    public static string Write(CaptionerRun run, string root, string name, string version, ModelSource? source)
    {
        ArgumentNullException.ThrowIfNull(run);
        var c = run.Model.Config;
        var tokens = (long)c.TokenGrid * c.TokenGrid;
        var config = new ModelConfig
        {
            Name = name,
            Version = version,
            Kind = ModelKinds.Captioner,
            Architecture = "cnn-transformer",
            Opset = GraphBuilder.Opset,
            Files = new Dictionary<string, string>
            {
                [ModelConfig.ModelFile] = "encoder.onnx",
                [OnnxCaptioner.DecoderRole] = "decoder.onnx",
                [ModelConfig.VocabularyFile] = "vocab.json",
            },
            Inputs = [new(TensorNames.Images, "float32", [-1, 3, c.ImageSize, c.ImageSize])],
            Outputs = [new(TensorNames.Memory, "float32", [-1, tokens, c.Width])],
            Graphs = new Dictionary<string, GraphSpec>
            {
                [OnnxCaptioner.DecoderRole] = new(
                    [new(TensorNames.Memory, "float32", [-1, tokens, c.Width]), new(TensorNames.Tokens, "int64", [-1, -1])],
                    [new(TensorNames.NextLogProbs, "float32", [-1, c.VocabularySize])]),
            },
            Preprocessing = new ModelPreprocessing
            {
                ImageSize = c.ImageSize,
                Mean = [.. ImageTensor.ImageNetMean],
                Std = [.. ImageTensor.ImageNetStd],
                MaxTokens = c.MaxTokens,
                BosId = CaptionVocabulary.Bos,
                EosId = CaptionVocabulary.Eos,
                FirstWordId = CaptionVocabulary.Unk + 1,
            },
            ModelDetails = JsonSerializer.SerializeToElement(c),
            Source = source,
        };
        var files = new Dictionary<string, byte[]>
        {
            ["encoder.onnx"] = CaptionerExporter.ExportEncoder(run.Model),
            ["decoder.onnx"] = CaptionerExporter.ExportDecoder(run.Model),
            ["vocab.json"] = JsonSerializer.SerializeToUtf8Bytes(run.Vocabulary.Words),
        };
        return EntryWriter.Write(root, config, files);
    }
}
