using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// Audio features [B,AudioDim] -> tokens [B,tokens,d]. From a per-second embedding: an MLP whose output is cut into
/// the tokens (the release repeats one projected vector to four tokens; here each token has its own output slice, so the
/// keys are not identical copies). From a time-frequency map (<see cref="SegmenterOptions.AudioMapChannels"/>): the same
/// MLP on every position's channels, plus a learned embedding of the position.
/// </summary>
public sealed class AudioTokenizer : nn.Module<Tensor, Tensor>
{
    private readonly Sequential mlp;
    private readonly Parameter? position;
    private readonly int _tokens;
    private readonly int _dim;
    private readonly int _channels;

    /// <summary>
    /// Creates the tokenizer from <paramref name="audioDim"/> inputs to <paramref name="tokens"/> tokens of width
    /// <paramref name="dim"/>; with <paramref name="mapChannels"/> above 0 the input is a map of <paramref name="tokens"/>
    /// positions of that many channels each.
    /// </summary>
    public AudioTokenizer(int audioDim, int dim, int tokens, int mapChannels = 0)
        : base(nameof(AudioTokenizer))
    {
        _tokens = tokens;
        _dim = dim;
        _channels = mapChannels;
        if (mapChannels > 0)
        {
            if (audioDim != tokens * mapChannels)
            {
                throw new ArgumentException($"A map of {tokens} positions x {mapChannels} channels has {tokens * mapChannels} values, not {audioDim}.", nameof(audioDim));
            }

            mlp = nn.Sequential(nn.Linear(mapChannels, dim), nn.ReLU(), nn.Linear(dim, dim));
            position = nn.Parameter(randn(1, tokens, dim) * 0.02);
        }
        else
        {
            mlp = nn.Sequential(nn.Linear(audioDim, dim), nn.ReLU(), nn.Linear(dim, dim * tokens));
        }

        RegisterComponents();
    }

    /// <summary>Creates the tokenizer <paramref name="options"/> describe (its audio width, tokens and map channels).</summary>
    public static AudioTokenizer For(SegmenterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AudioTokenizer(options.AudioDim, options.Dim, options.AudioTokens, options.AudioMapChannels);
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return position is null
            ? mlp.call(input).view(input.shape[0], _tokens, _dim)
            : mlp.call(input.view(input.shape[0], _tokens, _channels)) + position;
    }
}
