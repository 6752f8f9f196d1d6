using SegPref.Cues.Evaluation;
using SegPref.Cues.Lexicon;

namespace SegPref.Cues.Tests.Lexicon;

/// <summary>Descriptions written the way the AVS-Synth generator writes them (shared vocabulary in the lead's
/// brief): the lexicon must return exactly the ground-truth cues.</summary>
public sealed class SynthStyleDescriptionsTests
{
    private static readonly string[] Classes =
        ["guitar", "piano", "violin", "drum", "trumpet", "dog", "cat", "bird", "car", "helicopter", "baby", "clock", "man", "woman"];

    private static readonly Dictionary<string, string[]> Synonyms = new()
    {
        ["woman"] = ["lady"], ["man"] = ["guy", "gentleman"], ["dog"] = ["puppy"], ["cat"] = ["kitten"],
        ["car"] = ["automobile"], ["baby"] = ["infant"], ["violin"] = ["fiddle"], ["helicopter"] = ["chopper"],
        ["drum"] = ["drum kit"], ["bird"] = ["sparrow"],
    };

    private static readonly string[] Distractors = ["chair", "table", "tree", "box", "lamp"];
    private static readonly string[] Adjectives = ["", "red ", "small ", "large brown ", "wooden ", "blue "];
    private static readonly string[] Positions =
        ["on the left", "on the right", "in the center", "at the top", "at the bottom", "at the top left", "at the bottom right"];

    [Fact]
    public void Extract_GeneratedDescriptions_MatchGroundTruthExactly()
    {
        var random = new Random(20240715);
        var frames = new List<(IReadOnlyList<string>, IReadOnlyList<string>)>();
        for (var n = 0; n < 500; n++)
        {
            var (description, truth) = Generate(random);
            var predicted = CueLexicon.Default.Extract(description);
            Assert.True(predicted.SequenceEqual(truth), $"'{description}': expected [{string.Join(",", truth)}], got [{string.Join(",", predicted)}]");
            frames.Add((predicted, truth));
        }

        Assert.Equal(1.0, CueScores.Compute(frames).F1);
    }

    private static (string Description, List<string> Truth) Generate(Random random)
    {
        var phrases = new List<string>();
        var truth = new List<string>();
        for (var k = random.Next(1, 6); k > 0; k--)
        {
            if (random.Next(3) == 0)
            {
                phrases.Add($"a {Pick(random, Adjectives)}{Pick(random, Distractors)} {Pick(random, Positions)}");
                continue;
            }

            var cls = Pick(random, Classes);
            var noun = Synonyms.TryGetValue(cls, out var alternatives) && random.Next(2) == 0 ? Pick(random, alternatives) : cls;
            phrases.Add(random.Next(5) == 0
                ? $"two {Plural(noun)} on the left and right"
                : $"{Article(Pick(random, Adjectives) + noun)} {Pick(random, Positions)}");
            if (!truth.Contains(cls))
            {
                truth.Add(cls);
            }
        }

        var description = phrases.Count == 1 ? phrases[0] : string.Join(", ", phrases[..^1]) + " and " + phrases[^1];
        var absent = Classes.Where(c => !truth.Contains(c)).ToArray();
        if (random.Next(8) == 0)
        {
            var people = !truth.Contains("man") && !truth.Contains("woman") && random.Next(2) == 0;
            description += people ? ", but no people" : $", with no {Pick(random, absent)} in sight";
        }

        return (description + ".", [.. truth.Take(CueSlots.Count)]);
    }

    private static string Plural(string noun) => noun switch
    {
        "man" => "men", "woman" => "women", "gentleman" => "gentlemen", "lady" => "ladies", "puppy" => "puppies",
        "baby" => "babies", "infant" => "infants", _ => noun + "s",
    };

    private static string Article(string phrase) => ("aeiou".Contains(phrase[0], StringComparison.Ordinal) ? "an " : "a ") + phrase;

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
