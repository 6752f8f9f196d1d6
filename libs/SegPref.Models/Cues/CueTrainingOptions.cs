namespace SegPref.Models.Cues;

/// <summary>Hyper-parameters of the contrastive cue-encoder training.</summary>
/// <param name="Epochs">Passes over the single-source training seconds.</param>
/// <param name="Seed">Seeds torch's initialisation and the batch shuffling.</param>
/// <param name="BatchSize">Audio seconds per step.</param>
/// <param name="LearningRate">AdamW learning rate (cosine-decayed to 5% over the run).</param>
/// <param name="WeightDecay">AdamW decoupled weight decay.</param>
/// <param name="Temperature">InfoNCE temperature τ: logits are cosine / τ.</param>
/// <param name="EmbeddingSize">Width of the word embedding table.</param>
/// <param name="HiddenSize">Width of the MLP's hidden layer.</param>
/// <param name="OutputSize">D, the cue vector width; must equal the audio embedding width (VGGish: 128).</param>
public sealed record CueTrainingOptions(
    int Epochs = 30,
    int Seed = 1,
    int BatchSize = 256,
    double LearningRate = 3e-3,
    double WeightDecay = 1e-4,
    double Temperature = 0.07,
    int EmbeddingSize = 64,
    int HiddenSize = 256,
    int OutputSize = 128)
{
    /// <summary>Throws on values that cannot train.</summary>
    /// <exception cref="ArgumentException">A non-positive size, rate or temperature.</exception>
    public void Validate()
    {
        if (Epochs <= 0 || BatchSize <= 1 || EmbeddingSize <= 0 || HiddenSize <= 0 || OutputSize <= 0
            || !(LearningRate > 0) || !(WeightDecay >= 0) || !(Temperature > 0) || double.IsInfinity(Temperature))
        {
            throw new ArgumentException(
                $"Invalid cue training options: epochs {Epochs}, batch {BatchSize} (needs >= 2), lr {LearningRate}, weight decay {WeightDecay}, " +
                $"temperature {Temperature}, sizes {EmbeddingSize}/{HiddenSize}/{OutputSize}.");
        }
    }
}
