namespace SegPref.Avs.Synth;

/// <summary>
/// Draws who is in a clip and who sounds so that, with at least one sounding object in EVERY frame, the expected
/// per-(visible object, frame) rate P(sounding | visible) of each class equals its prior exactly.
/// </summary>
/// <remarks>
/// Rejecting frames without a sounding object would push every class towards 1 (a lone object must sound), so the
/// constraint is met by construction instead. A clip holds k &gt;= 1 sounding and m silent sound-capable objects;
/// sounding ones draw their class from sigma_c ~ pi_c p_c, silent ones from tau_c ~ pi_c (1 - p_c). Then
/// E[sounding c] / E[visible c] = p_c exactly when E[m] / E[k] = R = sum pi (1 - p) / sum pi p, which
/// k = 1 + Binomial(n - 1, r) meets by solving for r (n = sound-capable objects). The class weights pi are uniform
/// when R is reachable (R &lt;= E[n - 1], i.e. enough objects per clip for the priors); otherwise they are tilted
/// towards high-prior classes, pi_c ~ p_c^beta with beta by bisection, because with mostly-silent classes a frame
/// needs more visible objects than the clip has: some classes must then be seen more often (as in AVSBench).
/// Unreachable priors are reported as an ArgumentException. Given the classes, each frame's roles are an exact
/// draw from P(roles | classes) of that construction (see <see cref="RoleSetsForFrames"/>), so every frame has
/// the exact expected rates and sounding objects can start and stop between frames. Compositions are drawn with
/// stratified uniforms (<see cref="SynthStrata"/>) rather than independent ones: same expectations, but the realised
/// rates of a 1,200-clip split stay within a few hundredths of the priors (independent draws: up to +-0.09).
/// </remarks>
internal sealed partial class SynthSoundingModel
{
    private readonly double[] _priors;
    private readonly double _extraSounding;
    private readonly double _distractorProbability;
    private readonly int _minObjects;
    private readonly int _maxObjects;

    private SynthSoundingModel(double[] priors, double[] classWeights, double extraSounding, SynthConfig config)
    {
        _priors = priors;
        ClassWeights = classWeights;
        SoundingWeights = Normalise(priors.Select((p, c) => classWeights[c] * p).ToArray());
        SilentWeights = Normalise(priors.Select((p, c) => classWeights[c] * (1 - p)).ToArray());
        _extraSounding = extraSounding;
        _distractorProbability = config.DistractorProbability;
        _minObjects = config.MinObjects;
        _maxObjects = config.MaxObjects;
    }

    /// <summary>Relative visible frequency pi_c of each class in <see cref="SynthVocabulary.SoundClasses"/> order.</summary>
    public double[] ClassWeights { get; }

    /// <summary>Class distribution of sounding objects (sigma, sums to 1).</summary>
    public double[] SoundingWeights { get; }

    /// <summary>Class distribution of silent sound-capable objects (tau, sums to 1; all 0 when every prior is 1).</summary>
    public double[] SilentWeights { get; }

    /// <summary>The model for one split of a config.</summary>
    /// <exception cref="ArgumentException">The priors cannot be met with at least one sounding object per frame.</exception>
    public static SynthSoundingModel Create(SynthConfig config, string split)
    {
        ArgumentNullException.ThrowIfNull(config);
        var priors = SynthVocabulary.SoundClasses.Select(c => config.PriorOf(c, split)).ToArray();
        var meanObjects = (config.MinObjects + config.MaxObjects) / 2.0;
        var extraCapacity = (meanObjects - 1) * (1 - config.DistractorProbability); // E[n - 1]
        var beta = SolveTilt(priors, extraCapacity, split);
        var weights = priors.Select(p => beta == 0 ? 1.0 : Math.Pow(p, beta)).ToArray();
        var ratio = SilentToSounding(priors, weights);
        var r = extraCapacity <= 0 ? 0 : Math.Clamp((extraCapacity - ratio) / (extraCapacity * (1 + ratio)), 0, 1);
        return new SynthSoundingModel(priors, weights, r, config);
    }

    private static double SolveTilt(double[] priors, double capacity, string split)
    {
        const double Tolerance = 1e-12;
        if (SilentToSounding(priors, priors.Select(_ => 1.0).ToArray()) <= capacity + Tolerance)
        {
            return 0;
        }

        double lo = 0, hi = 200;
        if (SilentToSounding(priors, priors.Select(p => Math.Pow(p, hi)).ToArray()) > capacity + 1e-9)
        {
            throw new ArgumentException(
                $"Invalid AVS-Synth config: in split '{split}' the priors are too low for at least one sounding object per frame " +
                $"with the configured objects per clip and distractor probability (need at most {capacity:0.###} silent per sounding object). " +
                "Raise some priors, raise max objects or lower the distractor probability.");
        }

        for (var i = 0; i < 200; i++)
        {
            var mid = (lo + hi) / 2;
            if (SilentToSounding(priors, priors.Select(p => Math.Pow(p, mid)).ToArray()) > capacity)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return hi;
    }

    // Normalised because the role conditional multiplies k sigma and n - k tau factors for different k.
    private static double[] Normalise(double[] weights)
    {
        var sum = weights.Sum();
        return sum > 0 ? weights.Select(w => w / sum).ToArray() : weights;
    }

    // R = sum pi (1 - p) / sum pi p: silent objects needed per sounding one for the priors to hold.
    private static double SilentToSounding(double[] priors, double[] weights)
    {
        double sounding = 0, silent = 0;
        for (var c = 0; c < priors.Length; c++)
        {
            sounding += weights[c] * priors[c];
            silent += weights[c] * (1 - priors[c]);
        }

        return sounding <= 0 ? double.PositiveInfinity : silent / sounding;
    }
}
