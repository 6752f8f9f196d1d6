using TorchSharp;

namespace SegPref.Models.Training;

/// <summary>What one trainer contributes to the <see cref="EpochLoop"/>: its model, optimiser, steps and validation.</summary>
/// <typeparam name="TScores">Its validation scores (JSON-serialisable: the best epoch's are kept in state.json).</typeparam>
internal interface IEpochTrainer<TScores>
{
    /// <summary>The trained module: saved as the best checkpoint and as last.bin, loaded from last.bin on resume.</summary>
    torch.nn.Module Model { get; }

    /// <summary>The optimiser every step goes through; its state is saved as optimizer.bin.</summary>
    AdamWStep Optimizer { get; }

    /// <summary>Optimisation steps in every epoch.</summary>
    int StepsPerEpoch { get; }

    /// <summary>
    /// Prepares epoch <paramref name="epoch"/>: its order and augmentation must follow from the seed and the epoch alone
    /// (<see cref="EpochRandom"/>), so a resumed run replays it.
    /// </summary>
    void BeginEpoch(int epoch);

    /// <summary>
    /// Runs the 0-based step <paramref name="step"/> of the current epoch through <see cref="Optimizer"/> and returns its
    /// loss terms by name: "loss" is the total, others (e.g. "bce") are logged as train_&lt;name&gt;.
    /// </summary>
    /// <exception cref="NonFiniteLossException">The loss was not finite (from <see cref="AdamWStep.Apply"/>).</exception>
    IReadOnlyDictionary<string, double> Step(int step);

    /// <summary>Scores the model on the validation data after an epoch.</summary>
    EpochValidation<TScores> Validate();
}
