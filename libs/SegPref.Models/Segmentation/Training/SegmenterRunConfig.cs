using System.Text.Json.Serialization;

namespace SegPref.Models.Segmentation.Training;

/// <summary>
/// segmenter.json of a segmenter run folder: the architecture (kind + options) that weights.bin fits, how it was
/// trained, and what it was trained on. Everything an exporter or evaluator needs to rebuild the model.
/// </summary>
/// <param name="Kind">"teso" or "audio-only".</param>
/// <param name="Options">The segmenter's sizes and switches.</param>
/// <param name="Training">Hyper-parameters.</param>
/// <param name="Cues">"predicted" or "ground-truth".</param>
/// <param name="Encoders">The frozen encoder runs (absolute paths at training time) and their fingerprints.</param>
/// <param name="Data">Dataset root at training time.</param>
/// <param name="Command">The command line that produced the run.</param>
/// <param name="Calibration">The margin chosen on val by <c>segpref calibrate</c> (null until then).</param>
/// <param name="DataFormat">The layout trained on (synth, avss, s4, ms3); null in runs made before other layouts were read (AVS-Synth).</param>
/// <param name="KeepCalibration">The keep threshold chosen on val by <c>segpref calibrate</c> (paper or peak dynamic mask; null until then).</param>
/// <param name="BackboneWeights">The pretrained backbone the training started from (null = random initialisation).</param>
public sealed record SegmenterRunConfig(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("options")] SegmenterOptions Options,
    [property: JsonPropertyName("training")] SegmentationTrainingOptions Training,
    [property: JsonPropertyName("cues")] string Cues,
    [property: JsonPropertyName("encoders")] EncoderRecord Encoders,
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("calibration"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MarginCalibration? Calibration = null,
    [property: JsonPropertyName("data_format"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DataFormat = null,
    [property: JsonPropertyName("backbone_weights"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] WeightsRecord? BackboneWeights = null,
    [property: JsonPropertyName("keep_calibration"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] KeepThresholdCalibration? KeepCalibration = null);
