using SegPref.Models.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Training;

/// <summary>
/// A real, tiny <see cref="IEpochTrainer{TScores}"/> for the loop's tests: a linear regression on 8 fixed points in
/// batches of 4, whose validation figure per epoch is scripted (so the best epoch is known) and which can poison the
/// loss of one (epoch, step) or cancel a token when a step starts.
/// </summary>
internal sealed class LineTrainer : IEpochTrainer<double>, IDisposable
{
    private const int Seed = 3;
    private readonly Linear _model;
    private readonly Tensor _x;
    private readonly Tensor _y;
    private readonly double[] _figures;
    private int _epoch;
    private int[] _order = [];

    public LineTrainer(params double[] figures)
    {
        manual_seed(21);
        _model = nn.Linear(2, 1);
        _x = tensor(new float[] { 0, 1, 1, 0, 1, 1, 2, 1, 1, 2, 3, 1, 0, 3, 2, 2 }, [8, 2]);
        _y = tensor(new float[] { 1, 1, 2, 3, 3, 4, 3, 4 }, [8, 1]);
        _figures = figures;
        Optimizer = new AdamWStep(_model.parameters(), 0.05, 0);
    }

    public nn.Module Model => _model;

    public AdamWStep Optimizer { get; }

    public int StepsPerEpoch => 2;

    /// <summary>The (epoch, 0-based step) whose loss becomes NaN.</summary>
    public (int Epoch, int Step)? PoisonAt { get; init; }

    /// <summary>Called with (epoch, 0-based step) as each step starts.</summary>
    public Action<int, int>? OnStep { get; init; }

    /// <summary>Whether validation reports the figure (false: no validation data).</summary>
    public bool WithFigure { get; init; } = true;

    /// <summary>The weights after each validated epoch.</summary>
    public Dictionary<int, float[]> WeightsAfter { get; } = [];

    public static float[] Weights(nn.Module model) => [.. model.parameters().SelectMany(p => p.detach().data<float>().ToArray())];

    public void BeginEpoch(int epoch) => (_epoch, _order) = (epoch, EpochRandom.Shuffle(8, Seed, epoch));

    public IReadOnlyDictionary<string, double> Step(int step)
    {
        OnStep?.Invoke(_epoch, step);
        using var scope = NewDisposeScope();
        var index = tensor(_order[(step * 4)..((step * 4) + 4)].Select(i => (long)i).ToArray());
        var loss = nn.functional.mse_loss(_model.call(_x.index_select(0, index)), _y.index_select(0, index));
        if (PoisonAt == (_epoch, step))
        {
            loss *= float.NaN;
        }

        return new Dictionary<string, double> { ["loss"] = Optimizer.Apply(loss) };
    }

    public EpochValidation<double> Validate()
    {
        WeightsAfter[_epoch] = Weights(_model);
        var figure = _figures[_epoch - 1];
        return new(figure, WithFigure ? new Dictionary<string, double> { ["val_score"] = figure } : new Dictionary<string, double>());
    }

    public void Dispose()
    {
        Optimizer.Dispose();
        _model.Dispose();
        _x.Dispose();
        _y.Dispose();
    }
}
