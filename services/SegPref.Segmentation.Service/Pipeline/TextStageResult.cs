using SegPref.Contracts.Captioner.V1;
using SegPref.Contracts.TextCues.V1;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>What the caption + cue branch produced; both null when it failed and the pipeline degraded.</summary>
internal sealed record TextStageResult(CaptionResponse? Captions, ExtractResponse? Cues, string? DegradedReason, double CaptionMs, double CuesMs);
