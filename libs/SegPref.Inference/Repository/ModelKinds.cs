namespace SegPref.Inference.Repository;

/// <summary>The "kind" values of config.json and the conventional model names of the default repository.</summary>
public static class ModelKinds
{
    /// <summary>Log-mel examples -> audio embeddings.</summary>
    public const string AudioEncoder = "audio-encoder";

    /// <summary>Frames -> captions.</summary>
    public const string Captioner = "captioner";

    /// <summary>Cue words -> cue embeddings.</summary>
    public const string CueEncoder = "cue-encoder";

    /// <summary>Frames + audio (+ cues) -> map logits.</summary>
    public const string Segmenter = "segmenter";

    /// <summary>Conventional folder name of the TeSO segmenter.</summary>
    public const string TesoName = "teso";

    /// <summary>The kinds config.json may name.</summary>
    public static IReadOnlyList<string> All { get; } = [AudioEncoder, Captioner, CueEncoder, Segmenter];
}
