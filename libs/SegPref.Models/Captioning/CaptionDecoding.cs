using SegPref.Media.Imaging;
using SegPref.Models.Torch;
using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>Describes frames with a model and its vocabulary, batch by batch, in eval mode without gradients.</summary>
internal static class CaptionDecoding
{
    public static List<string> Describe(Captioner model, CaptionVocabulary vocabulary, IReadOnlyList<RgbImage> frames, DecodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(options);
        TorchRuntime.EnsureInitialized();
        var steps = options.Steps(model.Config);
        var wasTraining = model.training;
        model.eval();
        try
        {
            var descriptions = new List<string>(frames.Count);
            foreach (var batch in frames.Chunk(options.BatchSize))
            {
                using var scope = NewDisposeScope();
                var images = CaptionImages.ToTensor(batch, model.Config.ImageSize);
                var tokens = options.BeamWidth == 1
                    ? GreedyDecoder.Decode(model, images, steps)
                    : BeamSearchDecoder.Decode(model, images, steps, options.BeamWidth, options.LengthPenalty);
                descriptions.AddRange(tokens.Select(vocabulary.Decode));
            }

            return descriptions;
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
