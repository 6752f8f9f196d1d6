using SegPref.Cues;
using SegPref.Inference.Abstractions;
using SegPref.Inference.Batching;
using SegPref.Inference.Repository;
using SegPref.Media.Imaging;
using SegPref.Serving;

namespace SegPref.Segmentation.Service;

/// <summary>Where the segmenters come from (the default one, and any others requests may name).</summary>
public static class ModelRegistration
{
    /// <summary>The model role reported in replies and health.</summary>
    public const string Role = "segmenter";

    public static IServiceCollection AddSegmenterModel(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModelSet(
            configuration,
            Role,
            ModelKinds.Segmenter,
            ModelKinds.TesoName,
            (IMaskSegmenter model, string role, ServingPolicy policy) => Batches.Segmenter(model, role, policy),
            WarmUp);

    // One grey frame with zero audio (and zero, invalid cues): the widths come from the model's own config.json.
    private static void WarmUp(IMaskSegmenter model)
    {
        var pixels = model.PrepareFrames([RgbImage.Filled(model.ImageSize, model.ImageSize, (128, 128, 128))]);
        _ = model.Segment(new SegmenterInput(
            1,
            pixels,
            new float[model.AudioWidth],
            model.UsesText ? new float[CueSlots.Count * model.CueWidth] : null,
            model.UsesText ? new bool[CueSlots.Count] : null));
    }
}
