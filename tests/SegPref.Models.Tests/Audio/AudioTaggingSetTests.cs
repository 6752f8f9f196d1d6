using SegPref.Avs.Avss;
using SegPref.Media.Audio;
using SegPref.Models.Audio;

namespace SegPref.Models.Tests.Audio;

public class AudioTaggingSetTests
{
    [Fact]
    public void Build_TwoClips_FlattensExamplesAndMultiHotTargetsInOrder()
    {
        var guitar = AvssClasses.IndexOf("guitar");
        var dog = AvssClasses.IndexOf("dog");
        var a = new TaggedClip(Examples(2, 1f), [Set(guitar), Set(guitar, dog)], 0.5);
        var b = new TaggedClip(Examples(1, 2f), [Set(AvssClasses.IndexOf("cat"))], 0.25);

        var classes = AudioTaggingSet.SoundingClasses([a, b]);
        var set = AudioTaggingSet.Build([a, b], [guitar, dog]);

        Assert.Equal([AvssClasses.IndexOf("cat"), dog, guitar], classes);
        Assert.Equal(3, set.Count);
        Assert.Equal([1f, 0f, 1f, 1f, 0f, 0f], set.Targets);
        Assert.Equal([0.5, 0.5, 0.25], set.SignalPower);
        Assert.Equal(2f, set.Features[2 * LogMelExamples.ExampleSize]);
    }

    [Fact]
    public void Build_LabelCountDiffersFromExamples_Throws()
    {
        var clip = new TaggedClip(Examples(2, 0f), [Set(1)], 1);

        Assert.Throws<ArgumentException>(() => AudioTaggingSet.Build([clip], [1]));
    }

    private static LogMelExamples Examples(int count, float value) =>
        new(Enumerable.Repeat(value, count * LogMelExamples.ExampleSize).ToArray(), count);

    private static HashSet<int> Set(params int[] classes) => [.. classes];
}
