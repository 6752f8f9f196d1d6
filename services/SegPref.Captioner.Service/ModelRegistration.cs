using SegPref.Inference;
using SegPref.Inference.Abstractions;
using SegPref.Media.Imaging;
using SegPref.ServiceDefaults.Models;

namespace SegPref.Captioner.Service;

/// <summary>Where the captioner model comes from.</summary>
public static class ModelRegistration
{
    /// <summary>The model role reported in replies and health.</summary>
    public const string Role = "captioner";

    public static IServiceCollection AddCaptionerModel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddServedModel<IImageCaptioner>(
            Role,
            sp => sp.GetRequiredService<ModelFactories>().TryCreate<IImageCaptioner>(sp) ?? Served(configuration).Open(Role, ModelRepository.OpenCaptioner),
            model => model.Describe([RgbImage.Filled(64, 64, (128, 128, 128))]));
    }

    private static ServedModelSettings Served(IConfiguration configuration) =>
        configuration.GetSection(ServedModelSettings.SectionName).Get<ServedModelSettings>() ?? new ServedModelSettings();
}
