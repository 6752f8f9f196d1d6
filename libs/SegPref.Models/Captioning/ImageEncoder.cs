using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Captioning;

/// <summary>
/// k = <see cref="CaptionerConfig.EncoderStages"/> stride-2 conv blocks (channels w, 2w, 3w, ... for
/// <see cref="CaptionerConfig.EncoderWidth"/> w; blocks after the first two get a second conv, where it is cheap)
/// turn [N, 3, S, S] into a (S/2^k) x (S/2^k) grid, a 1x1 conv maps it to width d and a
/// learned 2-D position embedding is added, so every visual token knows where in the frame it lies
/// (the descriptions say left/right/top/bottom). Output: [N, (S/2^k)^2, d], row-major over the grid.
/// </summary>
internal sealed class ImageEncoder : nn.Module<Tensor, Tensor>
{
    private readonly Sequential blocks;
    private readonly Conv2d proj;
    private readonly Parameter row_embed;
    private readonly Parameter col_embed;

    public ImageEncoder(string name, CaptionerConfig config)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(config);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var inChannels = 3;
        for (var i = 0; i < config.EncoderStages; i++)
        {
            var outChannels = config.EncoderWidth * (i + 1);
            layers.Add(($"block{i + 1}", new ConvBlock($"block{i + 1}", inChannels, outChannels, second: i >= 2)));
            inChannels = outChannels;
        }

        blocks = nn.Sequential(layers);
        proj = nn.Conv2d(inChannels, config.Width, 1);
        var grid = config.TokenGrid;
        row_embed = nn.Parameter(randn(grid, 1, config.Width) * 0.02);
        col_embed = nn.Parameter(randn(1, grid, config.Width) * 0.02);
        RegisterComponents();
    }

    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        var features = proj.call(blocks.call(images)); // [N, d, g, g]
        var tokens = features.permute(0, 2, 3, 1);      // [N, g, g, d]
        var positioned = tokens + (row_embed + col_embed);
        return positioned.flatten(1, 2).MoveToOuterDisposeScope();
    }
}
