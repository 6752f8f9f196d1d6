using SegPref.Inference;
using SegPref.Inference.Abstractions;
using SegPref.Media.Audio;
using SegPref.ServiceDefaults.Models;

namespace SegPref.AudioEncoder.Service;

/// <summary>Where the audio encoder comes from.</summary>
public static class ModelRegistration
{
    /// <summary>The model role reported in replies and health.</summary>
    public const string Role = "audio-encoder";

    public static IServiceCollection AddAudioEncoderModel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddServedModel<IAudioEmbedder>(
            Role,
            sp => sp.GetRequiredService<ModelFactories>().TryCreate<IAudioEmbedder>(sp) ?? Served(configuration).Open(Role, ModelRepository.OpenAudioEncoder),
            model => model.Embed(VggishLogMel.ComputeExamples(new AudioClip(new float[VggishLogMel.SampleRateHz], VggishLogMel.SampleRateHz), 1)));
    }

    private static ServedModelSettings Served(IConfiguration configuration) =>
        configuration.GetSection(ServedModelSettings.SectionName).Get<ServedModelSettings>() ?? new ServedModelSettings();
}
