using Microsoft.Extensions.Options;
using SegPref.Contracts.Common.V1;

namespace SegPref.Serving.Inputs;

/// <summary>
/// Decodes request images and audio within the service's limits and decode budget: sizes and rates are read from
/// the headers and checked, the decoded bytes are reserved in <see cref="DecodeBudget"/>, and only then is anything
/// decoded. Dispose the result when the request's work with it is done.
/// </summary>
public sealed class InputDecoder(IOptions<InputLimitsOptions> limits, DecodeBudget budget)
{
    /// <summary>The service's limits.</summary>
    public InputLimitsOptions Limits => limits.Value;

    /// <summary>Checks, budgets and decodes <paramref name="images"/>.</summary>
    /// <param name="images">The request's images.</param>
    /// <param name="field">Proto field name for messages ("frames", "images").</param>
    /// <param name="sameSize">Require every image to have the first one's size (frames of one clip).</param>
    /// <param name="ct">The caller's cancellation.</param>
    /// <exception cref="ArgumentException">A limit or check fails, or an image does not decode.</exception>
    /// <exception cref="ResourceLimitException">More decoded bytes than the whole budget.</exception>
    public async Task<DecodedImages> DecodeImagesAsync(IReadOnlyList<Image> images, string field, bool sameSize, CancellationToken ct)
    {
        ImageInputs.CheckEncoded(images, Limits, field);
        var encoded = images.Select(i => i.Data.ToByteArray()).ToArray();
        var sizes = ImageInputs.ReadSizes(encoded, Limits, field, sameSize);
        var what = sizes.Length == 1 ? $"{field}: 1 image of {sizes[0].Width}x{sizes[0].Height}" : $"{field}: {sizes.Length} images up to {sizes.Max(s => s.Width)}x{sizes.Max(s => s.Height)}";
        var lease = await budget.ReserveAsync(ImageInputs.DecodedBytes(sizes), what, ct).ConfigureAwait(false);
        try
        {
            return new DecodedImages(ImageInputs.Decode(encoded, Limits, field), lease);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>Checks, budgets and decodes <paramref name="audio"/> to mono samples at its own rate.</summary>
    /// <exception cref="ArgumentException">A limit or check fails, the data does not decode, or a sample is not finite.</exception>
    /// <exception cref="ResourceLimitException">More decoded bytes than the whole budget.</exception>
    public async Task<DecodedAudio> DecodeAudioAsync(Audio? audio, CancellationToken ct)
    {
        var declared = AudioInputs.Inspect(audio, Limits);
        var lease = await budget.ReserveAsync(declared.DecodedBytes, $"audio: {declared.Seconds:F1} s at {declared.SampleRateHz} Hz", ct).ConfigureAwait(false);
        try
        {
            return new DecodedAudio(AudioInputs.Decode(audio!), lease);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }
}
