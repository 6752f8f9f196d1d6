namespace SegPref.Avs.Synth;

/// <summary>A clip's off-screen source: a sound-capable class that is not visible anywhere in the clip.</summary>
/// <param name="Kind">Its AVSS class.</param>
/// <param name="Sounding">Per frame: whether it sounds in that second.</param>
internal sealed record SynthOffScreen(string Kind, bool[] Sounding)
{
    /// <summary>
    /// Draws the off-screen part of a realistic clip and applies it to <paramref name="cast"/>: frames chosen as
    /// off-screen-only have every visible object silenced (their ground truth is empty) and the off-screen source
    /// sounds there; otherwise the clip has a source with <see cref="SynthConfig.OffScreenClipProbability"/>, sounding in
    /// each frame with <see cref="SynthConfig.OffScreenFrameProbability"/>. Null when the clip has none.
    /// </summary>
    public static SynthOffScreen? Plan(SynthConfig config, SynthCast cast, SynthRandom rng)
    {
        var frames = cast.Sounding.Length;
        var only = Enumerable.Range(0, frames).Select(_ => rng.Chance(config.OffScreenOnlyFrameProbability)).ToArray();
        var hasSource = rng.Chance(config.OffScreenClipProbability) || only.Any(o => o);
        var candidates = SynthVocabulary.SoundClasses.Where(c => !cast.Kinds.Contains(c, StringComparer.Ordinal)).ToList();
        if (!hasSource || candidates.Count == 0)
        {
            return null;
        }

        var kind = rng.Pick(candidates);
        var sounding = new bool[frames];
        for (var t = 0; t < frames; t++)
        {
            sounding[t] = only[t] || rng.Chance(config.OffScreenFrameProbability);
            if (only[t])
            {
                Array.Fill(cast.Sounding[t], false);
            }
        }

        return sounding.Any(s => s) ? new SynthOffScreen(kind, sounding) : null;
    }
}
