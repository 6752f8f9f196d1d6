namespace SegPref.Avs.Synth;

internal sealed partial class SynthSoundingModel
{
    /// <summary>Draws a clip's objects (drawing order) and their sounding roles in each of <paramref name="frames"/> frames.</summary>
    public SynthCast Draw(SynthRandom rng, int frames)
    {
        var total = rng.Between(_minObjects, _maxObjects);
        var soundCapable = 1;
        for (var i = 1; i < total; i++)
        {
            soundCapable += rng.Chance(_distractorProbability) ? 0 : 1;
        }

        var sounding = 1;
        for (var i = 1; i < soundCapable; i++)
        {
            sounding += rng.Chance(_extraSounding) ? 1 : 0;
        }

        // Objects: (class index or -1 for a distractor, sounding in the first frame), then shuffled into drawing order.
        var objects = new List<(int Class, bool Sounding)>(total);
        for (var i = 0; i < soundCapable; i++)
        {
            var isSounding = i < sounding;
            objects.Add((rng.PickWeighted(isSounding ? SoundingWeights : SilentWeights), isSounding));
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
        var classes = capable.Select(i => objects[i].Class).ToArray();
        var roles = new bool[frames][];
        var current = capable.Select(i => objects[i].Sounding).ToArray();
        for (var t = 0; t < frames; t++)
        {
            if (t > 0 && !rng.Chance(Persistence))
            {
                current = DrawRoles(classes, rng);
            }

            roles[t] = new bool[total];
            for (var j = 0; j < capable.Length; j++)
            {
                roles[t][capable[j]] = current[j];
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
    /// Samples roles from P(roles | classes) of the construction: for a role set s of size k among n objects it is
    /// proportional to Binomial(k - 1; n - 1, r) / C(n, k) * prod_{s} sigma_c * prod_{not s} tau_c.
    /// </summary>
    public bool[] DrawRoles(IReadOnlyList<int> classes, SynthRandom rng)
    {
        var n = classes.Count;
        var weights = new double[1 << n];
        for (var set = 1; set < weights.Length; set++)
        {
            var k = System.Numerics.BitOperations.PopCount((uint)set);
            var w = Binomial(n - 1, k - 1, _extraSounding) / Choose(n, k);
            for (var i = 0; i < n; i++)
            {
                w *= (set & (1 << i)) != 0 ? SoundingWeights[classes[i]] : SilentWeights[classes[i]];
            }

            weights[set] = w;
        }

        var chosen = rng.PickWeighted(weights);
        return Enumerable.Range(0, n).Select(i => (chosen & (1 << i)) != 0).ToArray();
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
