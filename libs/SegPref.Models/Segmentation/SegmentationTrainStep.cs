using SegPref.Models.Training;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// One AdamW optimisation step of a <see cref="Segmenter"/> on a batch, in its own dispose scope. Stops with a
/// <see cref="NonFiniteLossException"/> naming the step at the first NaN or infinite loss, before touching the weights
/// (the rule of every trainer, <see cref="AdamWStep"/>).
/// </summary>
public sealed class SegmentationTrainStep : IDisposable
{
    private readonly Segmenter _model;
    private readonly SegmentationLossOptions _loss;

    /// <summary>
    /// Creates the helper; the optimiser sees every parameter of <paramref name="model"/> that requires a gradient.
    /// <paramref name="gradientClip"/> &gt; 0 clips the global L2 norm of the gradients to it before each step;
    /// <paramref name="learningRateSchedule"/> (0-based step -&gt; rate) sets the rate before every step.
    /// </summary>
    public SegmentationTrainStep(
        Segmenter model, SegmentationLossOptions loss, double learningRate = 1e-4, double weightDecay = 0.05, double gradientClip = 0,
        Func<long, double>? learningRateSchedule = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loss);
        loss.Validate();
        _model = model;
        _loss = loss;
        Optimizer = new AdamWStep(model.parameters().Where(p => p.requires_grad), learningRate, weightDecay, gradientClip, learningRateSchedule);
    }

    /// <summary>Steps taken so far.</summary>
    public long StepCount => Optimizer.StepCount;

    /// <summary>The optimiser, checkpointed by the epoch loop.</summary>
    internal AdamWStep Optimizer { get; }

    /// <summary>
    /// Runs one step on <paramref name="input"/> with target <paramref name="masks"/> [B,h,w] (and, for the cue-relevance
    /// term, <paramref name="cueTargets"/> [B,S]; for the grounding term, <paramref name="groundingTargets"/> [B,S,h,w])
    /// and returns the loss parts.
    /// </summary>
    /// <exception cref="NonFiniteLossException">The loss is NaN or infinite (the weights are left unchanged).</exception>
    public LossParts Run(SegmentationInput input, Tensor masks, Tensor? cueTargets = null, Tensor? groundingTargets = null) =>
        Run(input, masks, cueTargets, groundingTargets, counterfactualAudio: null, counterfactualKeepsTargets: false);

    /// <summary>
    /// As <see cref="Run(SegmentationInput, Tensor, Tensor?, Tensor?)"/>, plus, with <paramref name="counterfactualAudio"/>
    /// [B,D] and a counterfactual weight, a second pass of the same frames and cues on that audio (in which nothing
    /// visible sounds) whose SeDAM relevance is taught that no cue sounds (<see cref="SegmentationLoss.Counterfactual"/>);
    /// with <paramref name="counterfactualKeepsTargets"/> the audio adds only sounds of classes that are not visible and
    /// the relevance is taught the frame's own <paramref name="cueTargets"/> (<see cref="SegmentationLoss.Relevance"/>);
    /// with <paramref name="counterfactualOpenCueOnly"/> only the open cue's last-layer relevance is taught 0
    /// (<see cref="SegmentationLoss.CounterfactualOpenCue"/>).
    /// </summary>
    /// <exception cref="NonFiniteLossException">The loss is NaN or infinite (the weights are left unchanged).</exception>
    public LossParts Run(SegmentationInput input, Tensor masks, Tensor? cueTargets, Tensor? groundingTargets, Tensor? counterfactualAudio, bool counterfactualKeepsTargets = false, bool counterfactualOpenCueOnly = false)
    {
        using var scope = NewDisposeScope();
        _model.train();
        var terms = SegmentationLoss.Compute(_model.call(input), masks, _loss, cueTargets, groundingTargets);
        var total = terms.Total;
        var counterfactual = 0f;
        if (counterfactualAudio is not null && _loss.CounterfactualWeight > 0 && cueTargets is not null)
        {
            var sedam = _model.call(input with { Audio = counterfactualAudio }).Sedam
                ?? throw new ArgumentException("The counterfactual relevance term needs TeSO's SeDAM.", nameof(counterfactualAudio));
            var term = counterfactualKeepsTargets ? SegmentationLoss.Relevance(sedam, cueTargets)
                : counterfactualOpenCueOnly ? SegmentationLoss.CounterfactualOpenCue(sedam)
                : SegmentationLoss.Counterfactual(sedam, cueTargets);
            counterfactual = term.item<float>();
            total = total + (_loss.CounterfactualWeight * term);
        }

        var parts = new LossParts(StepCount + 1, total.item<float>(), terms.Bce.item<float>(), terms.Dice.item<float>(), terms.InfoNce.item<float>(), terms.Cue.item<float>(), terms.Grounding.item<float>())
        {
            Counterfactual = counterfactual,
        };
        Optimizer.Apply(total, () => $"total {parts.Total}, BCE {parts.Bce}, Dice {parts.Dice}, InfoNCE {parts.InfoNce}, counterfactual {parts.Counterfactual}");
        return parts;
    }

    /// <summary>Sets the learning rate of every parameter group (for schedules).</summary>
    public void SetLearningRate(double learningRate) => Optimizer.SetLearningRate(learningRate);

    /// <summary>Writes the optimiser state (AdamW moments, step counts) to <paramref name="path"/>, for resuming.</summary>
    public void SaveState(string path) => Optimizer.SaveState(path);

    /// <summary>Restores the optimiser state written by <see cref="SaveState"/> and the step count.</summary>
    public void LoadState(string path, long stepCount) => Optimizer.LoadState(path, stepCount);

    /// <inheritdoc/>
    public void Dispose() => Optimizer.Dispose();
}
