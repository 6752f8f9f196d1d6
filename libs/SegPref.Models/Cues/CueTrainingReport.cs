namespace SegPref.Models.Cues;

/// <summary>The figures of one train-cues run.</summary>
/// <param name="Test">Retrieval on the test split's single-source seconds (null when training was cancelled).</param>
/// <param name="TrainSeconds">Single-source training seconds.</param>
/// <param name="SkippedTrainSeconds">Training seconds left out (silent or several sources).</param>
/// <param name="TrainedClasses">Vocabulary words with at least one training second.</param>
/// <param name="BestEpoch">The epoch kept (best validation audio-to-text top-1).</param>
/// <param name="Steps">Optimizer steps.</param>
/// <param name="FinalTrainLoss">Mean loss of the last epoch.</param>
/// <param name="AudioSeconds">Wall time of log-mel + embedding of all splits.</param>
/// <param name="TrainSecondsWall">Wall time of training.</param>
/// <param name="TotalSeconds">Wall time of the whole run.</param>
/// <param name="StopReason">Why training stopped early (cancelled), or null.</param>
public sealed record CueTrainingReport(
    CueRetrievalScores? Test,
    int TrainSeconds,
    int SkippedTrainSeconds,
    int TrainedClasses,
    int BestEpoch,
    long Steps,
    double FinalTrainLoss,
    double AudioSeconds,
    double TrainSecondsWall,
    double TotalSeconds,
    string? StopReason)
{
    /// <summary>The "final" block of metrics.json.</summary>
    public IReadOnlyDictionary<string, object?> ToFinal() => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["test_audio_to_text_top1"] = Test?.AudioToTextTop1,
        ["test_text_to_audio_r_precision"] = Test?.TextToAudioRPrecision,
        ["test_text_to_audio_recall_at_1"] = Test?.TextToAudioRecallAt1,
        ["test_seconds"] = Test?.Seconds,
        ["test_query_classes"] = Test?.QueryClasses,
        ["chance_audio_to_text_top1"] = Test?.AudioToTextChance,
        ["chance_r_precision"] = Test?.RPrecisionChance,
        ["train_seconds"] = TrainSeconds,
        ["skipped_train_seconds"] = SkippedTrainSeconds,
        ["trained_classes"] = TrainedClasses,
        ["best_epoch"] = BestEpoch,
        ["steps"] = Steps,
        ["final_train_loss"] = FinalTrainLoss,
        ["audio_embedding_wall_s"] = AudioSeconds,
        ["train_wall_s"] = TrainSecondsWall,
        ["total_wall_s"] = TotalSeconds,
        ["stop_reason"] = StopReason,
    };
}
