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

        // LEAD: open the ONNX audio encoder here, e.g. ModelRepository.OpenAudioEmbedder(root, inferenceOptions); until
        // then the host supplies ModelFactories.AudioEmbedder.
        return services.AddServedModel<IAudioEmbedder>(
            Role,
            sp => sp.GetRequiredService<ModelFactories>().Create<IAudioEmbedder>(sp, Role),
            model => model.Embed(VggishLogMel.ComputeExamples(new AudioClip(new float[VggishLogMel.SampleRateHz], VggishLogMel.SampleRateHz), 1)));
    }
}
