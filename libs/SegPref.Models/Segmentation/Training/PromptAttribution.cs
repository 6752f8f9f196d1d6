using SegPref.Avs.Metrics;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// Where a segmenter's paint comes from, by prompt path (<c>segpref explain</c>). Two views, both at test time on a
/// trained model:
/// <list type="bullet">
/// <item>Ablation: the split scored again with one prompt group withheld from the decoder's queries (and once with every
/// prompt withheld), SeDAM and the frame gate unchanged: J, the sounding frames' J and blank share, and the share of the
/// silent visible objects' boxes painted (AVS-Synth objects).</item>
/// <item>Attention: how the queries that paint a region read the prompts in PMQS. A query's claim on a region is its
/// object weight (softmax class, times the frame gate) times its mean mask probability over the region; a group's share is
/// the claim-weighted mean of the query's PMQS attention on the group's prompts. Regions: the boxes of visible objects that
/// do not sound (less the ground truth), and the ground-truth foreground.</item>
/// </list>
/// The attention shares say what the painting queries read, not what caused the paint; the ablation is the causal view.
/// </summary>
public static class PromptAttribution
{
    /// <summary>The attention row of what a query did not read (every prompt blocked, so PMQS gave it nothing).</summary>
    public const string Unread = "(nothing read)";

    /// <summary>The attention row of the text cues that name a class sounding in the frame.</summary>
    public const string SoundingCues = "text cues naming a sounding class";

    /// <summary>The attention row of the text cues that name a class visible (or named) but silent in the frame.</summary>
    public const string SilentCues = "text cues naming a silent class";

    /// <summary>The ablations scored for <paramref name="model"/>: nothing withheld, each prompt group, then every prompt.</summary>
    public static IReadOnlyList<PromptGroups> Ablations(Segmenter model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var groups = Groups(model);
        List<PromptGroups> ablations = [PromptGroups.None, .. groups];
        if (groups.Count > 1)
        {
            ablations.Add(PromptGroups.All);
        }

        return ablations;
    }

    /// <summary>A name for a withheld set or a prompt group, as the report prints it.</summary>
    public static string Describe(PromptGroups groups) => groups switch
    {
        PromptGroups.None => "nothing",
        PromptGroups.TextCues => "text cues",
        PromptGroups.OpenCue => "open cue",
        PromptGroups.AudioPrompts => "audio prompts",
        PromptGroups.All => "every prompt",
        _ => string.Join(" + ", Enum.GetValues<PromptGroups>().Where(g => g is not PromptGroups.None and not PromptGroups.All && groups.HasFlag(g)).Select(Describe)),
    };

    /// <summary>
    /// Runs both views on <paramref name="split"/> and keeps, for a figure, the <paramref name="examples"/> frames whose
    /// silent visible objects are painted most (nothing withheld), one frame per clip.
    /// </summary>
    /// <exception cref="ArgumentException">The split's frames carry no AVS-Synth objects (no boxes to attribute).</exception>
    public static PromptAttributionResult Run(Segmenter model, SegmentationSplit split, int examples = 6, int batchSize = 32, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfNegative(examples);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (split.Frames.Frames.All(f => f.Objects.Count == 0))
        {
            throw new ArgumentException("The frames carry no object lists (AVS-Synth synth.json objects): there are no boxes to attribute the paint to.", nameof(split));
        }

        var regions = Regions(split.Frames);
        var layout = model.PromptLayout();
        var names = ShareNames(layout);
        var (silentShares, soundingShares) = (new ShareTally(names), new ShareTally(names));
        var silentPaint = new double?[split.Count];
        var rows = new List<AblationRow>();
        foreach (var withheld in Ablations(model))
        {
            progress?.Report(withheld == PromptGroups.None ? "scoring as served, reading the queries' prompt attention" : $"scoring with {Describe(withheld)} withheld");
            var tally = new FrameTally();
            var scores = SegmentationEvaluator.EvaluateWith(
                split,
                batch =>
                {
                    if (withheld != PromptGroups.None)
                    {
                        return new SplitPrediction(Predict(model, split, batch, withheld), null);
                    }

                    // The served pass also gives the attention shares of the queries painting each region.
                    var read = Read(model, split, batch);
                    for (var i = 0; i < batch.Length; i++)
                    {
                        var (silentRegion, soundingRegion) = regions[batch[i]];
                        var shareOf = ShareIndex(split, batch[i], layout, names);
                        silentShares.Add(read, i, silentRegion, shareOf);
                        soundingShares.Add(read, i, soundingRegion, shareOf);
                    }

                    return new SplitPrediction(read.Probabilities, null);
                },
                batchSize,
                onFrame: (row, probs) =>
                {
                    var paint = tally.Add(split.Frames, row, probs);
                    if (withheld == PromptGroups.None)
                    {
                        silentPaint[row] = paint;
                    }
                });
            rows.Add(new AblationRow(withheld, scores.MIoU, scores.FScore, scores.NullS, tally.SoundingJ, tally.SoundingBlank, tally.SilentPaint, tally.SilentObjects)
            {
                SilentClassPaint = tally.ClassSilent.Mean,
                SilentClassObjects = tally.ClassSilent.Count,
                SoundingClassPaint = tally.ClassSounding.Mean,
                SoundingClassObjects = tally.ClassSounding.Count,
            });
        }

        var chosen = Enumerable.Range(0, split.Count).Where(r => silentPaint[r] is not null)
            .OrderByDescending(r => silentPaint[r]!.Value).ThenBy(r => r)
            .DistinctBy(r => split.Frames.Frames[r].Uid, StringComparer.Ordinal)
            .Take(examples).Order().ToArray();
        var detail = chosen.Length == 0 ? [] : Examples(model, split, chosen, silentPaint);
        return new PromptAttributionResult(split.Name, rows, silentShares.Shares(), soundingShares.Shares(), detail);
    }

    /// <summary>
    /// The split as an audio condition under which no visible object sounds (mute, noise floor, dither, another clip's
    /// audio) leaves it: empty ground truth, every object silent, no sounding class. Images, audio and cues are kept.
    /// </summary>
    public static SegmentationSplit NothingVisibleSounds(SegmentationSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        var frames = split.Frames;
        var silent = frames.Frames.Select(f => f with
        {
            Objects = [.. f.Objects.Select(o => o with { Sounding = false })],
            SoundingClasses = [],
        }).ToList();
        return split with { Frames = frames with { Masks = new byte[frames.Masks.Length], Frames = silent } };
    }

    private static List<PromptGroups> Groups(Segmenter model) => [.. model.PromptLayout().Distinct().Order()];

    private static float[][] Predict(Segmenter model, SegmentationSplit split, int[] rows, PromptGroups withheld)
    {
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (input, _) = split.Batch(rows);
        var output = model.call(input with { Withheld = withheld });
        var pixels = split.Frames.MaskLength;
        var flat = output.MapLogits.sigmoid().reshape(rows.Length, pixels).data<float>().ToArray();
        return [.. rows.Select((_, i) => flat.AsSpan(i * pixels, pixels).ToArray())];
    }

    // Per frame: the silent region (boxes of visible, non-distractor objects that do not sound, less the ground truth) and
    // the sounding region (the ground-truth foreground), as 0/1 masks of the split's side.
    private static (byte[] Silent, byte[] Sounding)[] Regions(SegmentationFrames frames)
    {
        var s = frames.Size;
        var regions = new (byte[], byte[])[frames.Count];
        for (var r = 0; r < frames.Count; r++)
        {
            var truth = frames.Masks.AsSpan(r * frames.MaskLength, frames.MaskLength);
            var silent = new byte[frames.MaskLength];
            SegmentationSplit.FillBoxes(silent, s, frames.Frames[r].Objects.Where(o => !o.Distractor && !o.Sounding), (byte)1);
            for (var i = 0; i < silent.Length; i++)
            {
                silent[i] &= (byte)(truth[i] == 0 ? 1 : 0);
            }

            regions[r] = (silent, truth.ToArray());
        }

        return regions;
    }

    /// <summary>The rows of the attention table: text cues by whether their class sounds in the frame, then the other groups.</summary>
    private static List<string> ShareNames(IReadOnlyList<PromptGroups> layout)
    {
        var names = new List<string>();
        foreach (var group in layout.Distinct().Order())
        {
            if (group == PromptGroups.TextCues)
            {
                names.Add(SoundingCues);
                names.Add(SilentCues);
            }
            else
            {
                names.Add(Describe(group));
            }
        }

        return names;
    }

    // Which table row each prompt of the frame feeds (-1: a text cue slot without a cue, never read).
    private static int[] ShareIndex(SegmentationSplit split, int row, IReadOnlyList<PromptGroups> layout, List<string> names)
    {
        var targets = split.CueTargetsOf(row);
        var index = new int[layout.Count];
        var slot = 0;
        for (var p = 0; p < layout.Count; p++)
        {
            index[p] = layout[p] == PromptGroups.TextCues
                ? (slot < targets.Length ? targets[slot++] : -1) switch { > 0 => names.IndexOf(SoundingCues), 0 => names.IndexOf(SilentCues), _ => -1 }
                : names.IndexOf(Describe(layout[p]));
        }

        return index;
    }

    // The served pass over rows, kept on the CPU: each frame's foreground probabilities and SeDAM slot keeps, and per
    // query its claim map (object weight x mask probability at the split's side) and its PMQS attention, per prompt and
    // summed per group.
    private static QueryReading Read(Segmenter model, SegmentationSplit split, int[] rows)
    {
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (input, _) = split.Batch(rows);
        var output = model.call(input);
        var prediction = output.Prediction;
        var attention = prediction.PromptAttention ?? throw new InvalidOperationException("The decoder did not report its prompt attention.");
        var layout = model.PromptLayout();
        var groups = Groups(model);
        if (attention.shape[2] != layout.Count)
        {
            throw new InvalidOperationException($"The decoder read {attention.shape[2]} prompts; the model's layout has {layout.Count}.");
        }

        var onehot = zeros(layout.Count, groups.Count);
        for (var p = 0; p < layout.Count; p++)
        {
            onehot[p, groups.IndexOf(layout[p])] = 1f;
        }

        var weights = nn.functional.softmax(prediction.ClassLogits, -1).select(-1, 0) * output.FrameGate.view(-1, 1);
        var size = split.Frames.Size;
        var masks = nn.functional.interpolate(prediction.MaskLogits, size: [size, size], mode: InterpolationMode.Bilinear, align_corners: false).sigmoid();
        var claims = weights.unsqueeze(-1).unsqueeze(-1) * masks;
        var queries = (int)claims.shape[1];
        var pixels = split.Frames.MaskLength;
        var flat = output.MapLogits.sigmoid().reshape(rows.Length, pixels).data<float>().ToArray();
        var slots = output.Sedam?.SlotSupport;
        var width = slots is null ? 0 : (int)slots.shape[1];
        var keeps = slots is null ? [] : slots.data<float>().ToArray();
        return new QueryReading(
            [.. rows.Select((_, i) => flat.AsSpan(i * pixels, pixels).ToArray())],
            [.. rows.Select((_, i) => keeps.AsSpan(i * width, width).ToArray())],
            queries,
            groups.Count,
            layout.Count,
            split.Frames.MaskLength,
            claims.data<float>().ToArray(),
            attention.matmul(onehot).data<float>().ToArray(),
            attention.data<float>().ToArray(),
            weights.data<float>().ToArray());
    }

    private static List<AttributionExample> Examples(Segmenter model, SegmentationSplit split, int[] rows, double?[] silentPaint)
    {
        var groups = Groups(model);
        var ablations = Ablations(model);
        var read = Read(model, split, rows);
        var maps = ablations.ToDictionary(a => a, a => a == PromptGroups.None ? read.Probabilities : Predict(model, split, rows, a));
        var slotKeeps = read.SlotKeeps;

        var examples = new List<AttributionExample>();
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            var cues = new List<CueKeep>();
            var named = split.Cues.Slots[r];
            for (var k = 0; k < slotKeeps[i].Length; k++)
            {
                if (k < named.Length && split.Cues.Valid[(r * named.Length) + k])
                {
                    cues.Add(new CueKeep(named[k], slotKeeps[i][k]));
                }
                else if (k == named.Length)
                {
                    cues.Add(new CueKeep(CueKeepBreakdown.OpenCue, slotKeeps[i][k]));
                }
            }

            examples.Add(new AttributionExample(
                r,
                silentPaint[r],
                ablations.Select(a => new AblationMap(a, maps[a][i])).ToList(),
                groups.Select((g, gi) => new AblationMap(g, read.GroupMap(i, gi))).ToList(),
                cues));
        }

        return examples;
    }

    private sealed record QueryReading(float[][] Probabilities, float[][] SlotKeeps, int Queries, int Groups, int Prompts, int Pixels, float[] Claims, float[] GroupAttention, float[] PromptAttention, float[] Weights)
    {
        // Mean of claim over the region, per query.
        public double[] RegionClaims(int frame, byte[] region, out int area)
        {
            area = region.Count(v => v != 0);
            var result = new double[Queries];
            if (area == 0)
            {
                return result;
            }

            for (var q = 0; q < Queries; q++)
            {
                var offset = ((frame * Queries) + q) * Pixels;
                double sum = 0;
                for (var p = 0; p < Pixels; p++)
                {
                    if (region[p] != 0)
                    {
                        sum += Claims[offset + p];
                    }
                }

                result[q] = sum / area;
            }

            return result;
        }

        public float Attention(int frame, int query, int group) => GroupAttention[(((frame * Queries) + query) * Groups) + group];

        public float PromptWeight(int frame, int query, int prompt) => PromptAttention[(((frame * Queries) + query) * Prompts) + prompt];

        // Sum over queries of claim x attention on the group, divided by the frame's total object weight: the share of the
        // frame's paint that came through queries reading this group (in [0, 1]).
        public float[] GroupMap(int frame, int group)
        {
            var map = new float[Pixels];
            var total = 0f;
            for (var q = 0; q < Queries; q++)
            {
                total += Weights[(frame * Queries) + q];
                var a = Attention(frame, q, group);
                var offset = ((frame * Queries) + q) * Pixels;
                for (var p = 0; p < Pixels; p++)
                {
                    map[p] += a * Claims[offset + p];
                }
            }

            if (total > 0)
            {
                for (var p = 0; p < Pixels; p++)
                {
                    map[p] /= total;
                }
            }

            return map;
        }
    }

    private sealed class ShareTally(IReadOnlyList<string> names)
    {
        private readonly double[] _sums = new double[names.Count + 1];
        private int _frames;

        public void Add(QueryReading read, int frame, byte[] region, int[] shareOf)
        {
            var claims = read.RegionClaims(frame, region, out var area);
            var total = claims.Sum();
            if (area == 0 || total <= 0)
            {
                return;
            }

            _frames++;
            double readShare = 0;
            for (var p = 0; p < shareOf.Length; p++)
            {
                double share = 0;
                for (var q = 0; q < claims.Length; q++)
                {
                    share += claims[q] * read.PromptWeight(frame, q, p);
                }

                share /= total;
                if (shareOf[p] >= 0)
                {
                    _sums[shareOf[p]] += share;
                }

                readShare += share;
            }

            _sums[names.Count] += Math.Max(0, 1 - readShare);
        }

        public IReadOnlyList<GroupShare> Shares() =>
            [.. names.Append(Unread).Select((name, i) => new GroupShare(name, _frames == 0 ? null : _sums[i] / _frames, _frames))];
    }

    private sealed class FrameTally
    {
        private double _soundingJ;
        private int _sounding;
        private int _blank;

        public double? SoundingJ => _sounding == 0 ? null : _soundingJ / _sounding;

        public double? SoundingBlank => _sounding == 0 ? null : (double)_blank / _sounding;

        public double? SilentPaint => SilentObjects == 0 ? null : (ClassSilent.Sum + ClassSounding.Sum) / SilentObjects;

        public int SilentObjects => ClassSilent.Count + ClassSounding.Count;

        // Silent objects whose class is silent in the frame (the preference case) and those beside a sounding instance of
        // their class (which a class-level cue cannot tell apart).
        public MeanTally ClassSilent { get; } = new();

        public MeanTally ClassSounding { get; } = new();

        // Adds one frame; returns the mean paint over its silent objects' boxes (null when it has none).
        public double? Add(SegmentationFrames frames, int row, float[] probs)
        {
            var truth = frames.Masks.AsSpan(row * frames.MaskLength, frames.MaskLength);
            if (truth.IndexOfAnyExcept((byte)0) >= 0)
            {
                _sounding++;
                _soundingJ += AvsJaccard.Frame(probs, truth);
                _blank += probs.Any(p => p > AvsJaccard.Threshold) ? 0 : 1;
            }

            double sum = 0;
            var count = 0;
            var objects = frames.Frames[row].Objects;
            foreach (var o in objects.Where(o => !o.Distractor && !o.Sounding))
            {
                if (ClassBreakdown.BoxPaint(o, probs, truth, frames.Size) is { } paint)
                {
                    sum += paint;
                    count++;
                    (objects.Any(p => p.Sounding && string.Equals(p.Kind, o.Kind, StringComparison.Ordinal)) ? ClassSounding : ClassSilent).Add(paint);
                }
            }

            return count == 0 ? null : sum / count;
        }
    }

    private sealed class MeanTally
    {
        public double Sum { get; private set; }

        public int Count { get; private set; }

        public double? Mean => Count == 0 ? null : Sum / Count;

        public void Add(double value)
        {
            Sum += value;
            Count++;
        }
    }
}

/// <summary>The result of <see cref="PromptAttribution.Run"/>.</summary>
/// <param name="Split">The split scored.</param>
/// <param name="Ablations">One row per withheld set, nothing withheld first.</param>
/// <param name="SilentShares">Attention shares of the queries painting silent visible objects' boxes, per group, then what was not read.</param>
/// <param name="SoundingShares">The same for the queries painting the ground-truth foreground.</param>
/// <param name="Examples">The frames whose silent objects are painted most, for the figure.</param>
public sealed record PromptAttributionResult(
    string Split,
    IReadOnlyList<AblationRow> Ablations,
    IReadOnlyList<GroupShare> SilentShares,
    IReadOnlyList<GroupShare> SoundingShares,
    IReadOnlyList<AttributionExample> Examples);

/// <summary>The split scored with <paramref name="Withheld"/> withheld from the decoder's queries.</summary>
/// <param name="Withheld">The withheld prompt groups (none: the served pass).</param>
/// <param name="J">Official mIoU.</param>
/// <param name="F">Official F-score.</param>
/// <param name="NullS">Null S over every frame.</param>
/// <param name="SoundingJ">Mean per-frame J over frames whose ground truth is not empty.</param>
/// <param name="SoundingBlank">Share of those frames left blank.</param>
/// <param name="SilentPaint">Mean share of a silent visible object's box painted (less ground truth), over object-frames.</param>
/// <param name="SilentObjects">Silent visible object-frames counted.</param>
public sealed record AblationRow(PromptGroups Withheld, double J, double F, double NullS, double? SoundingJ, double? SoundingBlank, double? SilentPaint, int SilentObjects)
{
    /// <summary>Mean paint of the silent objects whose class is silent in the frame (no sounding instance of it): the preference case.</summary>
    public double? SilentClassPaint { get; init; }

    /// <summary>Object-frames behind <see cref="SilentClassPaint"/>.</summary>
    public int SilentClassObjects { get; init; }

    /// <summary>Mean paint of the silent objects beside a sounding instance of their class (a class-level cue names both).</summary>
    public double? SoundingClassPaint { get; init; }

    /// <summary>Object-frames behind <see cref="SoundingClassPaint"/>.</summary>
    public int SoundingClassObjects { get; init; }
}

/// <summary>The claim-weighted PMQS attention share of one row of prompts (<see cref="PromptAttribution.Unread"/>: not read at all).</summary>
/// <param name="Group">The row: a prompt group's name, or the text cues naming a sounding or a silent class.</param>
/// <param name="Share">Mean share over the frames that have the region and paint it; null when none does.</param>
/// <param name="Frames">Frames averaged.</param>
public sealed record GroupShare(string Group, double? Share, int Frames);

/// <summary>One frame of the figure.</summary>
/// <param name="Row">Row of the split.</param>
/// <param name="SilentPaint">Mean paint over its silent objects' boxes, nothing withheld.</param>
/// <param name="Predictions">Foreground probabilities [S*S] under each ablation.</param>
/// <param name="GroupMaps">Per prompt group: the paint of the queries weighted by their attention on the group, over the frame's total object weight.</param>
/// <param name="Cues">The frame's cues (text cues, then the open cue) with SeDAM's soft keep (TeSO; empty for the baseline).</param>
public sealed record AttributionExample(int Row, double? SilentPaint, IReadOnlyList<AblationMap> Predictions, IReadOnlyList<AblationMap> GroupMaps, IReadOnlyList<CueKeep> Cues);

/// <summary>A map [S*S] tied to a withheld set or a prompt group.</summary>
/// <param name="Groups">The withheld set or group.</param>
/// <param name="Map">The values.</param>
public sealed record AblationMap(PromptGroups Groups, float[] Map);

/// <summary>A cue and SeDAM's soft keep of it.</summary>
/// <param name="Cue">The cue (or the open cue).</param>
/// <param name="Keep">Soft keep in [0, 1].</param>
public sealed record CueKeep(string Cue, double Keep);
