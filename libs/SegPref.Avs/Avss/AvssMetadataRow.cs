namespace SegPref.Avs.Avss;

/// <summary>One row of the AVSS release's metadata.csv.</summary>
/// <param name="Vid">Source video id.</param>
/// <param name="Uid">Unique clip id; also the clip folder name.</param>
/// <param name="StartMinute">s_min: start minute of the clip in the source video.</param>
/// <param name="StartSecond">s_sec: start second of the clip in the source video.</param>
/// <param name="AudioObjects">a_obj: the sounding object names as written in the CSV (free text).</param>
/// <param name="Split">train, val, test (AVS-Synth adds test-counter).</param>
/// <param name="Label">Bundle folder: v1s, v1m, v2 (AVS-Synth: synth).</param>
public sealed record AvssMetadataRow(
    string Vid,
    string Uid,
    int StartMinute,
    int StartSecond,
    string AudioObjects,
    string Split,
    string Label);
