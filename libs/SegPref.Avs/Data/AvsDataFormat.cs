namespace SegPref.Avs.Data;

/// <summary>The dataset layouts that `segpref train | calibrate | eval | preference --data` read.</summary>
public enum AvsDataFormat
{
    /// <summary>AVS-Synth: the AVSS layout plus synth-config.json and per-clip synth.json (descriptions, cues, boxes).</summary>
    Synth,

    /// <summary>The AVSS (AVSBench-semantic) release: metadata.csv, label2idx.json, &lt;label&gt;/&lt;uid&gt;/ with colour masks.</summary>
    Avss,

    /// <summary>The original AVSBench single-source subset (s4_meta_data.csv, binary masks; train annotates frame 1 only).</summary>
    S4,

    /// <summary>The original AVSBench multi-source subset (ms3_meta_data.csv, binary masks).</summary>
    Ms3,
}
