namespace SegPref.Models.Training;

/// <summary>Where and how long the <see cref="EpochLoop"/> trains, and what it records.</summary>
/// <param name="RunDir">The run folder (created when missing).</param>
/// <param name="Epochs">Epochs of the whole run (a resumed run continues up to it).</param>
/// <param name="Seed">The run's seed: with the epoch it seeds torch's generator at the start of every epoch.</param>
/// <param name="WeightsFile">The best checkpoint's file name (weights.bin, or the captioner's captioner.weights).</param>
/// <param name="Figure">The validation metric that picks the best checkpoint (higher is better; ties go to the later epoch).</param>
/// <param name="CurvesTitle">Title of curves.png.</param>
/// <param name="Curves">Metrics drawn in curves.png.</param>
internal sealed record EpochLoopOptions(string RunDir, int Epochs, int Seed, string WeightsFile, string Figure, string CurvesTitle, IReadOnlyList<string> Curves);
