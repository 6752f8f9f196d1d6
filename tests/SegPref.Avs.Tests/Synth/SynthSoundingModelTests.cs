using SegPref.Avs.Synth;

namespace SegPref.Avs.Tests.Synth;

public class SynthSoundingModelTests
{
    [Theory]
    [InlineData(SynthSplits.Train, 0.2)]
    [InlineData(SynthSplits.TestCounter, 0.2)]
    [InlineData(SynthSplits.Train, 0.0)]
    [InlineData(SynthSplits.Train, 0.5)]
    public void Draw_ManyClips_PerClassRateMatchesPriorAndEveryFrameSounds(string split, double distractorProbability)
    {
        var config = SynthConfig.Standard with { DistractorProbability = distractorProbability };
        var model = SynthSoundingModel.Create(config, split);
        var visible = new int[SynthVocabulary.SoundClasses.Count];
        var sounding = new int[visible.Length];
        for (var clip = 0; clip < 12000; clip++)
        {
            var cast = model.Draw(SynthRandom.ForClip(7, 0, clip), new SynthStrata(7, 0, clip), 3);
            foreach (var frame in cast.Sounding)
            {
                Assert.Contains(true, frame);
                for (var i = 0; i < cast.Kinds.Length; i++)
                {
                    Assert.False(cast.Distractor[i] && frame[i]);
                    if (!cast.Distractor[i])
                    {
                        var c = SynthVocabulary.SoundClasses.ToList().IndexOf(cast.Kinds[i]);
                        visible[c]++;
                        sounding[c] += frame[i] ? 1 : 0;
                    }
                }
            }
        }

        for (var c = 0; c < visible.Length; c++)
        {
            var prior = config.PriorOf(SynthVocabulary.SoundClasses[c], split);
            Assert.InRange((double)sounding[c] / visible[c], prior - 0.03, prior + 0.03);
        }
    }

    [Fact]
    public void Create_EnoughObjectsForPriors_KeepsClassFrequenciesUniform()
    {
        var model = SynthSoundingModel.Create(SynthConfig.Standard with { DistractorProbability = 0 }, SynthSplits.Train);

        Assert.All(model.ClassWeights, w => Assert.Equal(1.0, w));
    }

    [Fact]
    public void Create_FewObjectsForPriors_TiltsTowardsHabitualClasses()
    {
        var model = SynthSoundingModel.Create(SynthConfig.Standard with { DistractorProbability = 0.5 }, SynthSplits.Train);

        Assert.True(model.ClassWeights[SynthVocabulary.SoundClasses.ToList().IndexOf("guitar")] > model.ClassWeights[SynthVocabulary.SoundClasses.ToList().IndexOf("cat")]);
    }

    [Fact]
    public void Create_PriorsUnreachableWithOneObject_ThrowsArgumentException()
    {
        var config = SynthConfig.Quick with { MaxObjects = 1, HabitualPrior = 0.5, OtherPrior = 0.5 };

        var ex = Assert.Throws<ArgumentException>(() => SynthSoundingModel.Create(config, SynthSplits.Train));
        Assert.Contains("priors are too low", ex.Message, StringComparison.Ordinal);
    }
}
