using System.Globalization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Training;

/// <summary>
/// AdamW optimisation steps with the one rule every trainer shares on a non-finite loss: the loss is read first, and a
/// NaN or infinite value throws <see cref="NonFiniteLossException"/> before gradients, optimiser state or weights change.
/// Optionally clips the global gradient norm and follows a learning-rate schedule indexed by the step count.
/// </summary>
public sealed class AdamWStep : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly AdamW _optimizer;
    private readonly double _gradientClip;
    private readonly Func<long, double>? _schedule;

    /// <summary>
    /// Optimises <paramref name="parameters"/>; <paramref name="gradientClip"/> &gt; 0 clips their global L2 gradient norm;
    /// <paramref name="schedule"/> (0-based step -&gt; rate) replaces <paramref name="learningRate"/> before every step.
    /// </summary>
    /// <exception cref="ArgumentException">A non-positive rate, a negative weight decay or a negative or infinite clip.</exception>
    public AdamWStep(IEnumerable<Parameter> parameters, double learningRate, double weightDecay, double gradientClip = 0, Func<long, double>? schedule = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(learningRate > 0) || !(weightDecay >= 0) || !(gradientClip >= 0) || !double.IsFinite(gradientClip))
        {
            throw new ArgumentException($"Learning rate must be > 0, weight decay and gradient clip >= 0 (got {learningRate}, {weightDecay}, {gradientClip}).");
        }

        _parameters = [.. parameters];
        _optimizer = optim.AdamW(_parameters, learningRate, weight_decay: weightDecay);
        _gradientClip = gradientClip;
        _schedule = schedule;
    }

    /// <summary>Steps taken so far (including those before a resume).</summary>
    public long StepCount { get; private set; }

    /// <summary>
    /// One step on <paramref name="loss"/> (a scalar whose graph reaches the parameters); returns its value.
    /// <paramref name="detail"/> describes the loss terms for the error message.
    /// </summary>
    /// <exception cref="NonFiniteLossException">The loss is NaN or infinite; nothing was changed.</exception>
    public double Apply(Tensor loss, Func<string>? detail = null)
    {
        ArgumentNullException.ThrowIfNull(loss);
        var value = loss.item<float>();
        var step = StepCount + 1;
        if (!float.IsFinite(value))
        {
            throw new NonFiniteLossException($"Training loss is not finite at step {step}: {detail?.Invoke() ?? value.ToString(CultureInfo.InvariantCulture)}.") { Step = step };
        }

        if (_schedule is not null)
        {
            SetLearningRate(_schedule(StepCount));
        }

        _optimizer.zero_grad();
        loss.backward();
        if (_gradientClip > 0)
        {
            nn.utils.clip_grad_norm_(_parameters, _gradientClip);
        }

        _optimizer.step();
        StepCount = step;
        return value;
    }

    /// <summary>Sets the learning rate of every parameter group.</summary>
    public void SetLearningRate(double learningRate)
    {
        foreach (var group in _optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
    }

    /// <summary>Writes the optimiser state (AdamW moments and step counts) to <paramref name="path"/>, for resuming.</summary>
    public void SaveState(string path) => _optimizer.save_state_dict(path);

    /// <summary>Restores the state written by <see cref="SaveState"/> and the step count reached with it.</summary>
    public void LoadState(string path, long stepCount)
    {
        _optimizer.load_state_dict(path);
        StepCount = stepCount;
    }

    /// <inheritdoc/>
    public void Dispose() => _optimizer.Dispose();
}
