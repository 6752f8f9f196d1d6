using System.CommandLine;
using System.Globalization;
using SegPref.Cli.Infrastructure;
using SegPref.Models.Segmentation;
using SegPref.Models.Segmentation.Training;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref train`: trains TeSO or the audio-only baseline on frozen encoders.</summary>
internal static class TrainCommand
{
    public static Command Create(CliEnvironment env)
    {
        var defaults = new SegmentationTrainingOptions();
        var data = new DataOptions();
        var model = new Option<string>("--model") { Description = "teso or audio-only.", DefaultValueFactory = _ => "teso" };
        model.AcceptOnlyFromAmong("teso", "audio-only");
        var recipe = new Option<string>("--recipe") { Description = "Named recipe (docs/teso-training.md): served (the served TeSO: learned cue-audio relevance, the visual open cue, audio prompts) or paper (the paper's recipe). Explicit switches override it; for audio-only only its shared settings (epochs, batch, lr, flips) apply.", DefaultValueFactory = _ => SegmentationRecipes.Served };
        recipe.AcceptOnlyFromAmong([.. SegmentationRecipes.Names]);
        var preset = new Option<string>("--preset") { Description = "Segmenter preset (small trains on 2 CPU cores; paper = ResNet-50 sizes).", DefaultValueFactory = _ => "small" };
        var backbone = new Option<string?>("--backbone-weights") { Description = "Start the paper preset's ResNet-50 from torchvision's pretrained weights: a state dict such as resnet50-11ad3fa6.pth (IMAGENET1K_V2), or a .safetensors copy; the classifier (fc.*) is skipped." };
        var output = new Option<string>("--out") { Description = "Run folder (segmenter.json, weights.bin, metrics.json, curves.png).", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Epochs (default: the recipe's, 14)." };
        var seed = new Option<int>("--seed") { Description = "Seed (initialisation, shuffles).", DefaultValueFactory = _ => defaults.Seed };
        var batch = new Option<int>("--batch") { Description = $"Frames per step (default {defaults.BatchSize})." };
        var lr = new Option<double>("--lr") { Description = $"Peak AdamW learning rate (default {defaults.LearningRate})." };
        var cues = new Option<string>("--cues") { Description = "predicted (captioner -> lexicon, the paper's chain) or ground-truth.", DefaultValueFactory = _ => "predicted" };
        cues.AcceptOnlyFromAmong("predicted", "ground-truth");
        var dynamicMask = new Option<DynamicMaskMode?>("--dynamic-mask") { Description = "TeSO: paper (the paper's rule, default), peak (the paper's rule with a soft maximum over the audio tokens instead of their mean; for --audio-map), calibrated (ablation: relevance against a stored silence embedding) or off." };
        var noDynamic = new Option<bool>("--no-dynamic-mask") { Description = "Ablation: SeDAM keeps every valid cue (same as --dynamic-mask off)." };
        var noInfoNce = new Option<bool>("--no-infonce") { Description = "Ablation: no InfoNCE term." };
        var infoNceWeight = new Option<double?>("--infonce-weight") { Description = $"TeSO: weight of SeDAM's InfoNCE term (default {defaults.InfoNceWeight}; 0 is the same as --no-infonce)." };
        var cueWeight = new Option<double>("--cue-weight") { Description = "TeSO: weight of the cue-relevance loss (SeDAM's keep logits vs which cue classes sound, from the AVSS labels); the served recipe's 1, the paper's 0." };
        var openCue = new Option<bool>("--open-cue") { Description = "TeSO: add SeDAM's open cue, a learned always-valid token for a sounding object the description does not name." };
        var visualOpenCue = new Option<bool>("--visual-open-cue") { Description = "TeSO, with --open-cue: the open cue also sees the frame's pooled visual features, so that it can tell an unnamed visible sounding object from an off-screen sound." };
        var isolateOpenCue = new Option<bool>("--isolate-open-cue") { Description = "TeSO, with --open-cue: the open cue and the text cues do not attend to each other; the open cue sees what the description names instead (it cannot learn 'no named cue sounds' as a stand-in for 'an unnamed one does')." };
        var evidence = new Option<bool>("--evidence-relevance") { Description = "TeSO, with a cue weight: train the relevance as what the audio adds to a text-only prior of each cue (the prior head is training only), so a cue is kept when the audio supports it, not because its class usually sounds." };
        var silentPrompts = new Option<bool>("--silent-prompts") { Description = "TeSO: a cue the dynamic mask drops still reaches the decoder as a 'silent' prompt (its own projection) instead of being zeroed and hidden, so the decoder can learn where not to paint; the frame gate is unchanged." };
        var audioPrompts = new Option<bool>("--audio-prompts") { Description = "TeSO: the decoder queries also attend to the baseline's projected audio tokens (unmasked; silent frames stay gated); on in the served recipe." };
        var counterfactual = new Option<double>("--counterfactual-weight") { Description = "TeSO, with a cue weight: weight of the counterfactual relevance loss (each step also runs the batch on the train clips' noise floor alone or on another clip's audio in which nothing visible sounds, and teaches SeDAM's relevance that no cue sounds there; the mask is not trained on it); 0 = off." };
        var counterfactualOffScreen = new Option<bool>("--counterfactual-off-screen") { Description = "With --counterfactual-weight: a third pass on the clip's own audio plus an off-screen source, whose relevance keeps the frame's own targets." };
        var counterfactualSwappedOpenCue = new Option<bool>("--counterfactual-swapped-open-cue") { Description = "With the swapped pass: train only the open cue's relevance on another clip's audio (toward 'no unnamed visible class sounds'); the text cues are left out of that pass." };
        var counterfactualSwapped = new Option<bool>("--counterfactual-swapped") { Description = "With --counterfactual-weight: include the pass on another clip's audio (default true); false keeps the noise-floor pass only (and the off-screen one if asked for).", DefaultValueFactory = _ => true };
        var audioMap = new Option<bool>("--audio-map") { Description = "Both models: read the audio encoder's time-frequency map (6 x 4 positions of its last conv layer, one token each) instead of its 128-d embedding, so that SeDAM's cues can attend to where in the spectrogram their class sounds." };
        var grounding = new Option<double>("--grounding-weight") { Description = "Weight of the grounding loss: an auxiliary head learns where each text cue's objects are (TeSO), or where any object is (audio-only), sounding or silent, from the AVS-Synth boxes; 0 = off." };
        var clip = new Option<double>("--clip-grad") { Description = "Clip the gradients' global L2 norm to this value before each step (0 = off)." };
        var repeat = new Option<double?>("--repeat-threshold") { Description = "Repeat-factor sampling: classes that sound in fewer than this fraction of the training frames are drawn more often (r = sqrt(t / f)); off by default." };
        var repeatSilent = new Option<bool>("--repeat-silent") { Description = "With --repeat-threshold: the repeat factors count the visible objects that do not sound (\"silent guitar\", AVS-Synth's boxes) instead of the sounding classes, so frames against a class's habit of sounding are drawn more often." };
        var maxFrames = new Option<int?>("--max-frames") { Description = "Train on at most this many frames per epoch (quick runs)." };
        var cache = new Option<string?>("--cache") { Description = "Encoder-output cache folder (default DATA/.segpref-cache; 'none' disables)." };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted run in --out." };
        var threads = new Option<int>("--threads") { Description = "Torch CPU threads (0 = all cores; default 1: on a busy 2-core machine a second intra-op thread spin-waits and made steps ~5x slower).", DefaultValueFactory = _ => 1 };
        var encoders = new EncoderRunOptions();
        var command = new Command("train", "Train TeSO or the audio-only baseline (frozen encoders, val mIoU/F each epoch, best checkpoint, resumable).")
        {
            model, recipe, preset, backbone, output, epochs, seed, batch, lr, cues, dynamicMask, noDynamic, noInfoNce, infoNceWeight, cueWeight, counterfactual, counterfactualOffScreen, counterfactualSwapped, counterfactualSwappedOpenCue, openCue, visualOpenCue, isolateOpenCue, evidence, silentPrompts, audioPrompts, audioMap, grounding, clip, repeat, repeatSilent, maxFrames, cache, resume, threads,
        };
        data.AddTo(command);
        encoders.AddTo(command);
        command.SetAction((result, ct) => CommandErrors.Run(env, () =>
        {
            var kind = result.GetRequiredValue(model);
            var dataset = data.Open(result);
            RefuseTextSwitchesForBaseline(result, kind, cues, dynamicMask, noDynamic, noInfoNce, infoNceWeight, cueWeight, counterfactual, counterfactualOffScreen, counterfactualSwapped, counterfactualSwappedOpenCue, openCue, visualOpenCue, isolateOpenCue, evidence, silentPrompts, audioPrompts);
            CliTorch.SetThreads(result.GetValue(threads));
            var options = Options(result, SegmentationRecipes.For(result.GetRequiredValue(recipe), kind)) with { Seed = result.GetValue(seed) };
            if (!dataset.HasClassLabels && options.CueWeight > 0 && result.GetResult(cueWeight) is not { Implicit: false })
            {
                // The recipe's cue-relevance loss needs the class of every sounding pixel; S4/MS3 masks are binary.
                env.Console.MarkupLineInterpolated($"note: {dataset.Description} has binary masks, so the recipe's cue-relevance loss is off (--cue-weight 0)");
                options = options with { CueWeight = 0 };
            }

            T Given<T>(Option<T> option, T fallback) => result.GetResult(option) is { Implicit: false } ? result.GetValue(option)! : fallback;
            SegmentationTrainingOptions Options(ParseResult r, SegmentationTrainingOptions o) => o with
            {
                Epochs = Given(epochs, o.Epochs), BatchSize = Given(batch, o.BatchSize), LearningRate = Given(lr, o.LearningRate),
                DynamicMask = Mask(r.GetValue(noDynamic), r.GetValue(dynamicMask), o.DynamicMask),
                InfoNceWeight = InfoNceWeight(r.GetValue(noInfoNce), r.GetValue(infoNceWeight), o.InfoNceWeight),
                CueWeight = Given(cueWeight, o.CueWeight), CounterfactualWeight = Given(counterfactual, o.CounterfactualWeight), CounterfactualOffScreen = Given(counterfactualOffScreen, o.CounterfactualOffScreen), CounterfactualSwapped = Given(counterfactualSwapped, o.CounterfactualSwapped), CounterfactualSwappedOpenCue = Given(counterfactualSwappedOpenCue, o.CounterfactualSwappedOpenCue), OpenCue = Given(openCue, o.OpenCue),
                // The recipe's open-cue refinements follow the open cue: `--recipe served --open-cue false` drops them too.
                VisualOpenCue = Given(visualOpenCue, o.VisualOpenCue && Given(openCue, o.OpenCue)), IsolateOpenCue = Given(isolateOpenCue, o.IsolateOpenCue && Given(openCue, o.OpenCue)), EvidenceRelevance = Given(evidence, o.EvidenceRelevance), SilentPrompts = Given(silentPrompts, o.SilentPrompts), AudioPrompts = Given(audioPrompts, o.AudioPrompts), AudioMap = Given(audioMap, o.AudioMap),
                GroundingWeight = Given(grounding, o.GroundingWeight), GradientClip = Given(clip, o.GradientClip),
                RepeatThreshold = r.GetValue(repeat) ?? o.RepeatThreshold, RepeatSilent = Given(repeatSilent, o.RepeatSilent), MaxFramesPerEpoch = r.GetValue(maxFrames) ?? o.MaxFramesPerEpoch,
            };
            var dataDir = data.Root(result);
            var request = new TrainRequest(
                dataDir, kind, result.GetRequiredValue(preset), result.GetRequiredValue(output), encoders.Read(result),
                SegmentationExperiment.ParseCues(result.GetRequiredValue(cues)), options, CacheFolder(result.GetValue(cache), dataDir),
                result.GetValue(resume), "segpref " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)))
            {
                Format = dataset.Format,
                BackboneWeights = result.GetValue(backbone),
            };
            var trained = SegmentationExperiment.Train(request, StageLines.Create(env), EpochLines(env), ct);
            env.Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"best epoch {trained.BestEpoch}: val mIoU {trained.BestVal.MIoU:0.0000}, F {trained.BestVal.FScore:0.0000} ({trained.Epochs} epochs, {trained.Steps} steps)"));
            if (trained.StopReason is { } reason)
            {
                return TrainingStop.Report(env, reason, request.RunDir);
            }

            env.Console.MarkupLineInterpolated($"wrote {request.RunDir}");
            return 0;
        }));
        return command;
    }

    /// <summary>The dynamic-mask mode from <c>--no-dynamic-mask</c> and <c>--dynamic-mask</c> (contradicting values are refused).</summary>
    public static DynamicMaskMode Mask(bool off, DynamicMaskMode? mode, DynamicMaskMode fallback) => (off, mode) switch
    {
        (true, null or DynamicMaskMode.Off) => DynamicMaskMode.Off,
        (true, _) => throw new ArgumentException($"--no-dynamic-mask and --dynamic-mask {mode} contradict each other; give one of them."),
        (false, { } m) => m,
        (false, null) => fallback,
    };

    /// <summary>The InfoNCE weight from <c>--no-infonce</c> and <c>--infonce-weight</c> (both given with a non-zero weight is refused).</summary>
    public static double InfoNceWeight(bool off, double? weight, double fallback) => (off, weight) switch
    {
        (true, null or 0) => 0,
        (true, _) => throw new ArgumentException($"--no-infonce and --infonce-weight {weight} contradict each other; give one of them."),
        (false, { } w) => w,
        (false, null) => fallback,
    };

    // The baseline has no text cues, no SeDAM and so no dynamic mask or InfoNCE: these switches given explicitly with
    // --model audio-only would be ignored (their defaults still apply to TeSO runs and are recorded as such).
    private static void RefuseTextSwitchesForBaseline(ParseResult result, string model, params Option[] textSwitches)
    {
        if (model != "audio-only")
        {
            return;
        }

        var given = textSwitches.Where(o => result.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
        if (given.Count > 0)
        {
            throw new ArgumentException($"{string.Join(", ", given)}: the audio-only baseline has no text cues, SeDAM, dynamic mask or InfoNCE term, so this would be ignored (drop it, or train --model teso).");
        }
    }

    public static string? CacheFolder(string? value, string dataDir) =>
        value == "none" ? null : value ?? Path.Combine(dataDir, ".segpref-cache");

    private static SynchronousProgress<SegmentationEpochProgress> EpochLines(CliEnvironment env)
    {
        var lastTenth = -1;
        return new(p =>
        {
            if (p.Val is { } val)
            {
                env.Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"epoch {p.Epoch}/{p.Epochs}: loss {p.Loss:0.0000}, val mIoU {val.MIoU:0.0000}, F {val.FScore:0.0000}, kept cues {val.KeptCueFraction:0.00} ({p.Elapsed.TotalSeconds:0} s)"));
                lastTenth = -1;
                return;
            }

            var tenth = p.Step * 10 / p.Steps;
            if (tenth != lastTenth && tenth > 0)
            {
                lastTenth = tenth;
                env.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  epoch {p.Epoch}: step {p.Step}/{p.Steps}, loss {p.Loss:0.0000} ({p.Elapsed.TotalSeconds:0} s)"));
            }
        });
    }
}
