namespace SegPref.Inference.Abstractions;

/// <summary>One segmenter call's inputs as flat row-major buffers (T rows along axis 0).</summary>
/// <param name="Frames">T.</param>
/// <param name="Pixels">[T,3,S,S] from <see cref="IMaskSegmenter.PrepareFrames"/>.</param>
/// <param name="Audio">[T,AudioWidth].</param>
/// <param name="Cues">[T,slots,CueWidth] for a text model, else null.</param>
/// <param name="CueValid">[T,slots] for a text model, else null.</param>
public sealed record SegmenterInput(int Frames, float[] Pixels, float[] Audio, float[]? Cues, bool[]? CueValid);
