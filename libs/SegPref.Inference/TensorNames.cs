namespace SegPref.Inference;

/// <summary>The input and output names of the graphs our exporter writes (config.json repeats them).</summary>
public static class TensorNames
{
    /// <summary>Segmenter input: ImageNet-normalised frames [T,3,S,S] float32.</summary>
    public const string Frames = "frames";

    /// <summary>Segmenter input: audio embeddings [T,AudioDim] float32.</summary>
    public const string Audio = "audio";

    /// <summary>Segmenter input (TeSO): cue embeddings [T,slots,D] float32.</summary>
    public const string Cues = "cues";

    /// <summary>Segmenter input (TeSO): cue validity [T,slots] bool.</summary>
    public const string CueValid = "cue_valid";

    /// <summary>Segmenter output: map logits [T,S,S] float32.</summary>
    public const string MapLogits = "map_logits";

    /// <summary>
    /// Segmenter output (TeSO exports since teso/7): audio support [T] float32 in [0, 1], the probability from SeDAM's
    /// learned relevance that the audio supports at least one of the frame's cues; the served audio reliance
    /// (SegPref.Media.Masks.AudioReliance). Graphs without it get the silent-audio counterfactual instead.
    /// </summary>
    public const string AudioSupport = "audio_support";

    /// <summary>Audio encoder input: log-mel examples [N,1,96,64] float32.</summary>
    public const string LogMel = "log_mel";

    /// <summary>Audio encoder output: embeddings [N,128] float32.</summary>
    public const string Embeddings = "embeddings";

    /// <summary>Cue encoder input: word ids [N,slots] int64 (-1 padding, -2 unknown).</summary>
    public const string CueIds = "cue_ids";

    /// <summary>Cue encoder output: cue vectors [N,slots,D] float32.</summary>
    public const string CueVectors = "cue_vectors";

    /// <summary>Captioner encoder input: ImageNet-normalised images [N,3,S,S] float32.</summary>
    public const string Images = "images";

    /// <summary>Captioner encoder output and decoder input: visual tokens [N,g*g,d] float32.</summary>
    public const string Memory = "memory";

    /// <summary>Captioner decoder input: the prefix [N,L] int64, starting with &lt;bos&gt;.</summary>
    public const string Tokens = "tokens";

    /// <summary>Captioner decoder output: log-softmax of the next token [N,V] float32.</summary>
    public const string NextLogProbs = "next_log_probs";

    /// <summary>Text encoder input: WordPiece ids [B,L] int64 ([CLS] ... [SEP], padded).</summary>
    public const string InputIds = "input_ids";

    /// <summary>Text encoder input: 1 for real tokens, 0 for padding [B,L] int64.</summary>
    public const string AttentionMask = "attention_mask";

    /// <summary>Text encoder output: one embedding per text [B,D] float32.</summary>
    public const string TextEmbeds = "text_embeds";
}
