namespace SegPref.Models.Segmentation;

/// <summary>What a query whose keys are all blocked receives.</summary>
public enum AllBlockedRule
{
    /// <summary>Mask2Former's rule: the query attends to every key instead.</summary>
    AttendEverywhere,

    /// <summary>The query receives nothing (a zero attention output): used for masked prompts, so masked tokens never leak in.</summary>
    Nothing,
}
