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

        // LEAD: open the ONNX captioner here, e.g. ModelRepository.OpenCaptioner(root, inferenceOptions) with the
        // repository root and model name/version from configuration; until then the host supplies ModelFactories.Captioner.
        return services.AddServedModel<IImageCaptioner>(
            Role,
            sp => sp.GetRequiredService<ModelFactories>().Create<IImageCaptioner>(sp, Role),
            model => model.Describe([RgbImage.Filled(64, 64, (128, 128, 128))]));
    }
}
