using SegPref.Avs.Avss;
using SegPref.Cues;
using SegPref.Cues.Evaluation;
using SegPref.Media.Imaging;
using SegPref.Models.Captioning;

namespace SegPref.Models.Cues;

/// <summary>
/// Scores a text-cue backend against AVS-Synth's ground-truth cues (<see cref="CueScores"/>: micro precision, recall,
/// F1, "None" ignored): on the ground-truth descriptions, and optionally on a captioner's descriptions of the same frames,
/// which is the pipeline TeSO runs at test time (captioner -> LLM -> cues).
/// </summary>
public static class CueEvaluation
{
    private const int ExampleCount = 3;

    /// <summary>Every frame of <paramref name="split"/> with its synth.json description and cues, in metadata order.</summary>
    /// <exception cref="InvalidDataException">The split is empty, or a clip lacks synth.json or has a different number of frames.</exception>
    public static IReadOnlyList<CueFrame> Frames(AvssDataset dataset, string split)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var frames = new List<CueFrame>();
        foreach (var clip in dataset.Clips(split))
        {
            var synth = clip.Synth ?? throw new InvalidDataException($"{clip.Dir}: no synth.json; cue evaluation needs AVS-Synth ground truth.");
            if (synth.Frames.Length != clip.FramePaths.Count)
            {
                throw new InvalidDataException($"{clip.Dir}: synth.json describes {synth.Frames.Length} frames but the clip has {clip.FramePaths.Count}.");
            }

            frames.AddRange(synth.Frames.Select((f, i) => new CueFrame(clip.FramePaths[i], f.Description, f.Cues)));
        }

        return frames.Count > 0 ? frames : throw new InvalidDataException($"{dataset.Root}: the '{split}' split has no frames.");
    }

    /// <summary>Extracts cues from <paramref name="descriptions"/> and scores them against <paramref name="frames"/>' cues.</summary>
    public static async Task<(CueScore Score, TextCues[] Cues)> ScoreAsync(
        ITextCueExtractor extractor, IReadOnlyList<CueFrame> frames, IReadOnlyList<string> descriptions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(descriptions);
        if (descriptions.Count != frames.Count)
        {
            throw new ArgumentException($"{descriptions.Count} descriptions for {frames.Count} frames.", nameof(descriptions));
        }

        var cues = await extractor.ExtractManyAsync(descriptions, ct: ct);
        var score = CueScores.Compute(frames.Select((f, i) => (cues[i].Cues, (IReadOnlyList<string>)f.Cues)));
        return (score, cues);
    }

    /// <summary>The captioner's description of every frame (images decoded in chunks to bound memory).</summary>
    public static IReadOnlyList<string> Describe(CaptionerRun captioner, IReadOnlyList<CueFrame> frames, DecodeOptions options, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(captioner);
        ArgumentNullException.ThrowIfNull(frames);
        var descriptions = new List<string>(frames.Count);
        foreach (var chunk in frames.Chunk(256))
        {
            descriptions.AddRange(captioner.Describe([.. chunk.Select(f => ImageCodec.Load(f.FramePath))], options));
            progress?.Report(descriptions.Count);
        }

        return descriptions;
    }

    /// <summary>The whole evaluation: lexicon-style backend on the truth, and on <paramref name="captions"/> when given.</summary>
    public static async Task<CueEvaluationReport> RunAsync(
        ITextCueExtractor extractor, string split, IReadOnlyList<CueFrame> frames, IReadOnlyList<string>? captions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(frames);
        var (onTruth, truthCues) = await ScoreAsync(extractor, frames, [.. frames.Select(f => f.Description)], ct);
        if (captions is null)
        {
            return new CueEvaluationReport(split, extractor.BackendName, onTruth, null, Examples(frames, null, truthCues));
        }

        var (onCaptions, captionCues) = await ScoreAsync(extractor, frames, captions, ct);
        return new CueEvaluationReport(split, extractor.BackendName, onTruth, onCaptions, Examples(frames, captions, captionCues));
    }

    private static List<(string, string?, string)> Examples(IReadOnlyList<CueFrame> frames, IReadOnlyList<string>? captions, TextCues[] cues)
    {
        var step = Math.Max(1, frames.Count / ExampleCount);
        return [.. Enumerable.Range(0, Math.Min(ExampleCount, frames.Count)).Select(k => k * step)
            .Select(i => (frames[i].Description, captions?[i], cues[i].ToString()))];
    }
}
