namespace SegPref.Models.Audio;

/// <summary>The figures of one train-audio run.</summary>
/// <param name="TestMap">Tagging mAP on test, clean audio.</param>
/// <param name="TestMapNoisy">Tagging mAP on test with white noise at -10 dB SNR.</param>
/// <param name="BestEpoch">Epoch kept (best validation mAP).</param>
/// <param name="BestValMap">Validation mAP of that epoch.</param>
/// <param name="TrainExamples">Training examples (clip seconds).</param>
/// <param name="Classes">Tagged classes.</param>
/// <param name="FeatureSeconds">Wall time reading audio and computing log-mel for train and val.</param>
/// <param name="TrainSeconds">Wall time of training (with per-epoch validation).</param>
/// <param name="WallSeconds">Wall time of the whole run, test evaluation included.</param>
/// <param name="CpuSeconds">Processor time of the whole process (all threads) when the run ended: on a shared machine the
/// wall time depends on the other load, this does not.</param>
/// <param name="StopReason">Why training stopped early (cancelled; the test figures are then NaN), or null.</param>
public sealed record AudioPretrainingReport(
    double TestMap, double TestMapNoisy, int BestEpoch, double BestValMap, int TrainExamples, int Classes,
    double FeatureSeconds, double TrainSeconds, double WallSeconds, double CpuSeconds, string? StopReason)
{
    /// <summary>The "final" object of metrics.json.</summary>
    public IReadOnlyDictionary<string, object?> ToFinal() => new Dictionary<string, object?>
    {
        ["test_map"] = TestMap,
        ["test_map_wgn-10"] = TestMapNoisy,
        ["best_epoch"] = BestEpoch,
        ["best_val_map"] = BestValMap,
        ["train_examples"] = TrainExamples,
        ["classes"] = Classes,
        ["feature_seconds"] = Math.Round(FeatureSeconds, 1),
        ["train_seconds"] = Math.Round(TrainSeconds, 1),
        ["wall_seconds"] = Math.Round(WallSeconds, 1),
        ["cpu_seconds"] = Math.Round(CpuSeconds, 1),
        ["stop_reason"] = StopReason,
    };
}
