using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Segmentation;

/// <summary>
/// One AdamW optimisation step of a <see cref="Segmenter"/> on a batch, in its own dispose scope. Stops with a
/// <see cref="NonFiniteLossException"/> naming the step at the first NaN or infinite loss, before touching the weights.
/// </summary>
public sealed class SegmentationTrainStep : IDisposable
{
    private readonly Segmenter _model;
    private readonly SegmentationLossOptions _loss;
    private readonly Parameter[] _trainable;
    private readonly AdamW _optimizer;
    private readonly double _gradientClip;

    /// <summary>
    /// Creates the helper; the optimiser sees every parameter of <paramref name="model"/> that requires a gradient.
    /// <paramref name="gradientClip"/> &gt; 0 clips the global L2 norm of the gradients to it before each step.
    /// </summary>
    public SegmentationTrainStep(Segmenter model, SegmentationLossOptions loss, double learningRate = 1e-4, double weightDecay = 0.05, double gradientClip = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loss);
        loss.Validate();
        if (!(learningRate > 0) || !(weightDecay >= 0) || !(gradientClip >= 0) || !double.IsFinite(gradientClip))
        {
            throw new ArgumentException($"Learning rate must be > 0, weight decay and gradient clip >= 0 (got {learningRate}, {weightDecay}, {gradientClip}).");
        }

        _gradientClip = gradientClip;
        _model = model;
        _loss = loss;
        _trainable = [.. model.parameters().Where(p => p.requires_grad)];
        _optimizer = optim.AdamW(_trainable, learningRate, weight_decay: weightDecay);
    }

    /// <summary>Steps taken so far.</summary>
    public long StepCount { get; private set; }

    /// <summary>
    /// Runs one step on <paramref name="input"/> with target <paramref name="masks"/> [B,h,w] (and, for the cue-relevance
    /// term, <paramref name="cueTargets"/> [B,S]; for the grounding term, <paramref name="groundingTargets"/> [B,S,h,w])
    /// and returns the loss parts.
    /// </summary>
    /// <exception cref="NonFiniteLossException">The loss is NaN or infinite (the weights are left unchanged).</exception>
    public LossParts Run(SegmentationInput input, Tensor masks, Tensor? cueTargets = null, Tensor? groundingTargets = null)
    {
        using var scope = NewDisposeScope();
        var step = StepCount + 1;
        _model.train();
        _optimizer.zero_grad();
        var terms = SegmentationLoss.Compute(_model.call(input), masks, _loss, cueTargets, groundingTargets);
        var parts = new LossParts(step, terms.Total.item<float>(), terms.Bce.item<float>(), terms.Dice.item<float>(), terms.InfoNce.item<float>(), terms.Cue.item<float>(), terms.Grounding.item<float>());
        if (!double.IsFinite(parts.Total))
        {
            throw new NonFiniteLossException($"Training loss is not finite at step {step}: total {parts.Total}, BCE {parts.Bce}, Dice {parts.Dice}, InfoNCE {parts.InfoNce}.") { Step = step };
        }

        terms.Total.backward();
        if (_gradientClip > 0)
        {
            nn.utils.clip_grad_norm_(_trainable, _gradientClip);
        }

        _optimizer.step();
        StepCount = step;
        return parts;
    }

    /// <summary>Sets the learning rate of every parameter group (for schedules).</summary>
    public void SetLearningRate(double learningRate)
    {
        foreach (var group in _optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
    }

    /// <summary>Writes the optimiser state (AdamW moments, step counts) to <paramref name="path"/>, for resuming.</summary>
    public void SaveState(string path) => _optimizer.save_state_dict(path);

    /// <summary>Restores the optimiser state written by <see cref="SaveState"/> and the step count.</summary>
    public void LoadState(string path, long stepCount)
    {
        _optimizer.load_state_dict(path);
        StepCount = stepCount;
    }

    /// <inheritdoc/>
    public void Dispose() => _optimizer.Dispose();
}
