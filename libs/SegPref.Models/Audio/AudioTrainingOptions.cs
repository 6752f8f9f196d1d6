namespace SegPref.Models.Audio;

/// <summary>Hyper-parameters of audio-tagging pre-training.</summary>
/// <param name="Preset">Network widths.</param>
/// <param name="Epochs">Passes over the training examples.</param>
/// <param name="Seed">Seeds torch's initialisation, shuffling and augmentation.</param>
/// <param name="BatchSize">Examples (clip seconds) per step.</param>
/// <param name="LearningRate">AdamW learning rate (cosine-decayed to 5% over the run).</param>
/// <param name="WeightDecay">AdamW decoupled weight decay.</param>
/// <param name="Augment">Random gain and light noise (see the MelAugmentation remarks in the docs).</param>
public sealed record AudioTrainingOptions(
    VggishPreset Preset,
    int Epochs = 3,
    int Seed = 1,
    int BatchSize = 64,
    double LearningRate = 1e-3,
    double WeightDecay = 1e-4,
    bool Augment = true)
{
    /// <summary>Throws on values that cannot train.</summary>
    /// <exception cref="ArgumentException">A non-positive size or rate.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Preset);
        Preset.Validate();
        if (Epochs <= 0 || BatchSize <= 0 || !(LearningRate > 0) || !(WeightDecay >= 0))
        {
            throw new ArgumentException($"Invalid training options: epochs {Epochs}, batch {BatchSize}, lr {LearningRate}, weight decay {WeightDecay}.");
        }
    }
}
