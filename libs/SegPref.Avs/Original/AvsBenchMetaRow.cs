namespace SegPref.Avs.Original;

/// <summary>One row of s4_meta_data.csv or ms3_meta_data.csv.</summary>
/// <param name="VideoName">Video name; also the folder and file stem of the clip.</param>
/// <param name="Split">train, val or test.</param>
/// <param name="Category">S4 category folder; null for MS3.</param>
/// <param name="StartTime">start_time as written, when the file has that column.</param>
public sealed record AvsBenchMetaRow(string VideoName, string Split, string? Category, string? StartTime);
