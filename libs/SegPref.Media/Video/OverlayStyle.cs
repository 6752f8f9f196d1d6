namespace SegPref.Media.Video;

/// <summary>How masks are drawn over the video: a colour blended in at an opacity where the mask is set.</summary>
public sealed record OverlayStyle
{
    /// <summary>Tint colour.</summary>
    public (byte R, byte G, byte B) Color { get; init; } = (255, 40, 40);

    /// <summary>Opacity of the tint inside the mask, in [0, 1].</summary>
    public double Opacity { get; init; } = 0.5;
}
