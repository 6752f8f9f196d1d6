using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// Per-second audio embedding [B,AudioDim] -> MLP -> [B,tokens,d]. The release repeats one projected vector to four
/// tokens; here each token has its own output slice, so the keys are not identical copies.
/// </summary>
public sealed class AudioTokenizer : nn.Module<Tensor, Tensor>
{
    private readonly Sequential mlp;
    private readonly int _tokens;
    private readonly int _dim;

    /// <summary>Creates the tokenizer from <paramref name="audioDim"/> inputs to <paramref name="tokens"/> tokens of width <paramref name="dim"/>.</summary>
    public AudioTokenizer(int audioDim, int dim, int tokens)
        : base(nameof(AudioTokenizer))
    {
        _tokens = tokens;
        _dim = dim;
        mlp = nn.Sequential(nn.Linear(audioDim, dim), nn.ReLU(), nn.Linear(dim, dim * tokens));
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return mlp.call(input).view(input.shape[0], _tokens, _dim);
    }
}
