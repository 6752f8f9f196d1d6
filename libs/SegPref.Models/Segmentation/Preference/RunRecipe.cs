using System.Globalization;
using SegPref.Models.Segmentation.Training;

namespace SegPref.Models.Segmentation.Preference;

/// <summary>
/// A run's recipe in words: everything that decides its result except the seed (model, cues, sizes, every training
/// option that differs from the default, calibration). Runs with the same recipe and different seeds are repeats of one
/// experiment, which <see cref="PreferenceReport.SeedSummaries"/> averages.
/// </summary>
public static class RunRecipe
{
    /// <summary>Describes <paramref name="config"/>, e.g. "teso, predicted cues, small, 14 epochs, cue weight 0.5, open cue".</summary>
    public static string Describe(SegmenterRunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var teso = config.Kind == "teso";
        var t = config.Training;
        var d = new SegmentationTrainingOptions();
        var parts = new List<string> { config.Kind };
        if (teso)
        {
            parts.Add(config.Cues + " cues");
        }

        parts.Add(Preset(config.Options));
        parts.Add(N($"{t.Epochs} epochs"));
        if (t.BatchSize != d.BatchSize)
        {
            parts.Add(N($"batch {t.BatchSize}"));
        }

        if (t.LearningRate != d.LearningRate)
        {
            parts.Add(N($"lr {t.LearningRate:g4}"));
        }

        if (t.WeightDecay != d.WeightDecay)
        {
            parts.Add(N($"weight decay {t.WeightDecay:g4}"));
        }

        if (teso && t.DynamicMask != d.DynamicMask)
        {
            parts.Add(t.DynamicMask switch
            {
                DynamicMaskMode.Off => "no dynamic mask",
                DynamicMaskMode.Peak => "peak relevance",
                _ => "silence-calibrated mask",
            });
        }

        if (teso && t.InfoNceWeight != d.InfoNceWeight)
        {
            parts.Add(t.InfoNceWeight == 0 ? "no InfoNCE" : N($"InfoNCE {t.InfoNceWeight:g4}"));
        }

        if (teso && t.CueWeight > 0)
        {
            parts.Add(N($"cue weight {t.CueWeight:g4}"));
        }

        if (teso && t.CounterfactualWeight > 0)
        {
            parts.Add(N($"counterfactual weight {t.CounterfactualWeight:g4}") + (!t.CounterfactualSwapped ? " floor only" : t.CounterfactualSwappedOpenCue ? " swapped on the open cue" : string.Empty) + (t.CounterfactualOffScreen ? " with off-screen" : string.Empty));
        }

        if (teso && (t.EvidenceRelevance || config.Options.EvidenceRelevance))
        {
            parts.Add("evidence relevance");
        }

        if (teso && (t.OpenCue || config.Options.OpenCue))
        {
            parts.Add((t.IsolateOpenCue || config.Options.IsolateOpenCue ? "isolated " : string.Empty) + (t.VisualOpenCue || config.Options.VisualOpenCue ? "visual open cue" : "open cue"));
        }

        if (teso && (t.SilentPrompts || config.Options.SilentPrompts))
        {
            parts.Add("silent prompts");
        }

        if (teso && (t.AudioPrompts || config.Options.AudioPrompts))
        {
            parts.Add("audio prompts");
        }

        if (t.AudioMap || config.Options.AudioMapChannels > 0)
        {
            parts.Add("audio map");
        }

        if (t.GroundingWeight > 0)
        {
            parts.Add(teso ? N($"grounding {t.GroundingWeight:g4}") : N($"objectness {t.GroundingWeight:g4}"));
        }

        if (t.GradientClip > 0)
        {
            parts.Add(N($"clip {t.GradientClip:g4}"));
        }

        if (t.RepeatThreshold is { } repeat)
        {
            parts.Add(N($"repeat factor t {repeat:g4}") + (t.RepeatSilent ? " over silent objects" : string.Empty));
        }

        if (!t.FlipAugment)
        {
            parts.Add("no flips");
        }

        if (t.MaxFramesPerEpoch is { } max)
        {
            parts.Add(N($"{max} frames/epoch"));
        }

        if (teso && config.Calibration is not null)
        {
            parts.Add("margin calibrated");
        }

        // A threshold chosen on val is part of the recipe whatever value each seed's val split gave (the seeds of one
        // recipe are grouped by this name); a threshold set by hand is a recipe of its own.
        if (teso && config.KeepCalibration is not null)
        {
            parts.Add("keep threshold chosen on val");
        }
        else if (teso && config.Options.KeepThreshold != 0)
        {
            parts.Add(N($"keep threshold {config.Options.KeepThreshold:g4}"));
        }

        return string.Join(", ", parts);
    }

    // The preset whose sizes the run used (open cue, audio prompts, the grounding head, the audio map and an ablated
    // dynamic mask aside: they are listed with the training switches), else the sizes.
    private static string Preset(SegmenterOptions options)
    {
        var sizes = options with
        {
            OpenCue = false, VisualOpenCue = false, IsolateOpenCue = false, EvidenceRelevance = false, AudioPrompts = false, Grounding = false, SilentPrompts = false,
            DynamicMask = SegmenterOptions.Small.DynamicMask, KeepThreshold = 0,
        };
        if (options.AudioMapChannels > 0)
        {
            // The audio map's width and tokens come from the audio encoder; the run lists "audio map" with its switches.
            sizes = sizes with { AudioDim = SegmenterOptions.Small.AudioDim, AudioTokens = SegmenterOptions.Small.AudioTokens, AudioMapChannels = 0 };
        }

        return sizes == SegmenterOptions.Small ? "small" : sizes == SegmenterOptions.Paper ? "paper" : N(
            $"{options.Backbone} {options.ImageSize}px d{options.Dim} Q{options.Queries} L{options.DecoderLayers} N{options.SedamLayers}");
    }

    private static string N(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
