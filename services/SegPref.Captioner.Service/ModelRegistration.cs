using SegPref.Inference.Abstractions;
using SegPref.Inference.Batching;
using SegPref.Inference.Repository;
using SegPref.Media.Imaging;
using SegPref.Serving;

namespace SegPref.Captioner.Service;

/// <summary>Where the captioner model comes from.</summary>
public static class ModelRegistration
{
    /// <summary>The model role reported in replies and health.</summary>
    public const string Role = "captioner";

    public static IServiceCollection AddCaptionerModel(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModelSet(
            configuration,
            Role,
            ModelKinds.Captioner,
            ModelKinds.Captioner,
            (IImageCaptioner model, string role, ServingPolicy policy) => Batches.Captioner(model, role, policy),
            model => model.Describe([RgbImage.Filled(64, 64, (128, 128, 128))]));
}
