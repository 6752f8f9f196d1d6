namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>The stage names used in errors, circuits, health and client names.</summary>
public static class PipelineStageNames
{
    public const string Captioner = "captioner";
    public const string TextCues = "text-cues";
    public const string AudioEncoder = "audio-encoder";

    public static IReadOnlyList<string> All { get; } = [Captioner, TextCues, AudioEncoder];
}
