using SegPref.Inference.Abstractions;
using SegPref.Inference.Batching;
using SegPref.Inference.Repository;
using SegPref.Media.Audio;
using SegPref.Serving;

namespace SegPref.AudioEncoder.Service;

/// <summary>Where the audio encoder comes from.</summary>
public static class ModelRegistration
{
    /// <summary>The model role reported in replies and health.</summary>
    public const string Role = "audio-encoder";

    public static IServiceCollection AddAudioEncoderModel(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModelSet(
            configuration,
            Role,
            ModelKinds.AudioEncoder,
            ModelKinds.AudioEncoder,
            (IAudioEmbedder model, string role, ServingPolicy policy) => Batches.AudioEncoder(model, role, policy),
            model => model.Embed(VggishLogMel.ComputeExamples(new AudioClip(new float[VggishLogMel.SampleRateHz], VggishLogMel.SampleRateHz), 1)));
}
