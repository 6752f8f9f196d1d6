using SegPref.Inference;
using SegPref.Cues;
using SegPref.Inference.Abstractions;
using SegPref.Media.Imaging;
using SegPref.Segmentation.Service.Segmenting;
using SegPref.ServiceDefaults.Models;

namespace SegPref.Segmentation.Service;

/// <summary>Where the segmenter comes from.</summary>
public static class ModelRegistration
{
    /// <summary>The model role reported in replies and health.</summary>
    public const string Role = "segmenter";

    /// <summary>Width of one audio embedding (VGGish).</summary>
    public const int AudioWidth = 128;

    public static IServiceCollection AddSegmenterModel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var cueWidth = configuration.GetSection(SegmenterOptions.SectionName).Get<SegmenterOptions>()?.CueEmbeddingSize ?? new SegmenterOptions().CueEmbeddingSize;
        return services.AddServedModel<IMaskSegmenter>(
            Role,
            sp => sp.GetRequiredService<ModelFactories>().TryCreate<IMaskSegmenter>(sp) ?? Served(configuration).Open(Role, ModelRepository.OpenSegmenter),
            model => WarmUp(model, cueWidth));
    }

    private static void WarmUp(IMaskSegmenter model, int cueWidth)
    {
        var frame = RgbImage.Filled(model.ImageSize, model.ImageSize, (128, 128, 128));
        var cues = model.UsesText ? new float[1, CueSlots.Count, cueWidth] : null;
        var valid = model.UsesText ? new bool[1, CueSlots.Count] : null;
        _ = model.Segment([frame], new float[1, AudioWidth], cues, valid);
    }

    private static ServedModelSettings Served(IConfiguration configuration) =>
        configuration.GetSection(ServedModelSettings.SectionName).Get<ServedModelSettings>() ?? new ServedModelSettings();
}
