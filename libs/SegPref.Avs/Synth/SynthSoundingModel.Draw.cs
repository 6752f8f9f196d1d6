namespace SegPref.Avs.Synth;

internal sealed partial class SynthSoundingModel
{
    /// <summary>
    /// Draws a clip's objects (drawing order) and their sounding roles in each of <paramref name="frames"/> frames.
    /// Composition uses the clip's stratified uniforms (<paramref name="strata"/>): dimension 0 the object count,
    /// 1-3 distractor slots, 4-6 extra sounding objects, 7-10 classes of sounding objects, 11-13 classes of silent
    /// ones, 14 the frames' role sample; order and distractor kinds come from <paramref name="rng"/>.
    /// </summary>
    public SynthCast Draw(SynthRandom rng, SynthStrata strata, int frames)
    {
        var total = _minObjects + Math.Min(_maxObjects - _minObjects, (int)(strata[0] * (_maxObjects - _minObjects + 1)));
        var soundCapable = 1;
        for (var i = 1; i < total; i++)
        {
            soundCapable += strata[i] < _distractorProbability ? 0 : 1;
        }

        var sounding = 1;
        for (var i = 1; i < soundCapable; i++)
        {
            sounding += strata[3 + i] < _extraSounding ? 1 : 0;
        }

        // Objects: (class index or -1 for a distractor, sounding in the construction), then shuffled into drawing order.
        var objects = new List<(int Class, bool Sounding)>(total);
        for (var i = 0; i < soundCapable; i++)
        {
            var isSounding = i < sounding;
            var u = isSounding ? strata[7 + i] : strata[11 + i - sounding];
            objects.Add((SynthStrata.Pick(u, isSounding ? SoundingWeights : SilentWeights), isSounding));
        }

        for (var i = soundCapable; i < total; i++)
        {
            objects.Add((-1, false));
        }

        for (var i = objects.Count - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (objects[i], objects[j]) = (objects[j], objects[i]);
        }

        var capable = Enumerable.Range(0, total).Where(i => objects[i].Class >= 0).ToArray();
        var sets = RoleSetsForFrames(capable.Select(i => objects[i].Class).ToArray(), frames, strata[14]);
        var roles = new bool[frames][];
        for (var t = 0; t < frames; t++)
        {
            roles[t] = new bool[total];
            for (var j = 0; j < capable.Length; j++)
            {
                roles[t][capable[j]] = (sets[t] & (1 << j)) != 0;
            }
        }

        var kinds = objects.Select(o => o.Class >= 0 ? SynthVocabulary.SoundClasses[o.Class] : null).ToArray();
        for (var i = 0; i < total; i++)
        {
            kinds[i] ??= rng.Pick(SynthVocabulary.DistractorKinds);
        }

        return new SynthCast(kinds!, objects.Select(o => o.Class < 0).ToArray(), roles);
    }

    /// <summary>
    /// Role sets (bit i = object i sounds) for each frame, each drawn from P(roles | classes) of the construction:
    /// for a set s of size k among n objects it is proportional to Binomial(k - 1; n - 1, r) / C(n, k) *
    /// prod_{i in s} sigma_c(i) * prod_{i not in s} tau_c(i). The frames use one rotated systematic sample
    /// (u + t / T mod 1) of that distribution: each frame on its own is an exact draw, while over the clip the
    /// role counts stay close to their expectation (much less sampling noise in the measured rates) and
    /// consecutive frames mostly keep their roles.
    /// </summary>
    public int[] RoleSetsForFrames(IReadOnlyList<int> classes, int frames, double u)
    {
        var n = classes.Count;
        var cumulative = new double[1 << n];
        for (var set = 1; set < cumulative.Length; set++)
        {
            var k = System.Numerics.BitOperations.PopCount((uint)set);
            var w = Binomial(n - 1, k - 1, _extraSounding) / Choose(n, k);
            for (var i = 0; i < n; i++)
            {
                w *= (set & (1 << i)) != 0 ? SoundingWeights[classes[i]] : SilentWeights[classes[i]];
            }

            cumulative[set] = cumulative[set - 1] + w;
        }

        var result = new int[frames];
        for (var t = 0; t < frames; t++)
        {
            var point = (u + ((double)t / frames)) % 1.0 * cumulative[^1];
            var set = 1;
            while (set < cumulative.Length - 1 && cumulative[set] <= point)
            {
                set++;
            }

            result[t] = set;
        }

        return result;
    }

    /// <summary>The configured prior of a class index in this split.</summary>
    public double PriorOf(int classIndex) => _priors[classIndex];

    private static double Binomial(int n, int k, double p) => Choose(n, k) * Math.Pow(p, k) * Math.Pow(1 - p, n - k);

    private static double Choose(int n, int k)
    {
        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
