using SkiaSharp;

namespace SegPref.Avs.Synth;

/// <summary>
/// Writes what a captioner should say about a frame: every visible object (same kinds grouped with a number and a
/// plural), optional size/colour adjectives, a position phrase, sometimes a synonym, and about one frame in eight a
/// negated mention of an absent sound-capable class. Cues are the visible sound classes in order of mention.
/// </summary>
internal static class SynthDescriber
{
    private const double NegationRate = 1.0 / 8;
    private static readonly string[] Numbers = ["", "one", "two", "three", "four"];
    private static readonly string[] Openings = ["", "", "", "a scene with ", "an image of ", "a picture showing "];

    public static (string Description, string[] Cues) Describe(IReadOnlyList<SynthObjectPlan> visible, int sizePx, int frame, SynthRandom rng)
    {
        var groups = visible.GroupBy(o => o.Kind, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        for (var i = groups.Count - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (groups[i], groups[j]) = (groups[j], groups[i]);
        }

        var phrases = groups.Select(g => Phrase(g, sizePx, frame, rng)).ToList();
        var text = rng.Pick(Openings) + Join(phrases);
        var present = groups.Select(g => g[0].Kind).ToHashSet(StringComparer.Ordinal);
        if (rng.Chance(NegationRate))
        {
            text += Negation(present, rng);
        }

        var cues = groups.Where(g => !g[0].Distractor).Select(g => g[0].Kind).Take(SynthClipInfo.CueSlots).ToList();
        while (cues.Count < SynthClipInfo.CueSlots)
        {
            cues.Add(SynthClipInfo.NoneCue);
        }

        return (text + ".", cues.ToArray());
    }

    private static string Phrase(List<SynthObjectPlan> group, int sizePx, int frame, SynthRandom rng)
    {
        var noun = Noun(group[0].Kind, rng);
        var positions = group.Select(o => Position(o.Boxes[frame], sizePx)).Distinct(StringComparer.Ordinal).ToList();
        if (group.Count > 1)
        {
            return $"{Numbers[Math.Min(group.Count, 4)]} {SynthVocabulary.Plurals[noun]} {Join(positions)}";
        }

        var box = group[0].Boxes[frame];
        var area = box.Width * box.Height / (sizePx * (float)sizePx);
        var words = new List<string>();
        if (rng.Chance(0.3) && (area < 0.06 || area > 0.2))
        {
            words.Add(area < 0.06 ? "small" : "large");
        }

        if (rng.Chance(0.5))
        {
            words.Add(group[0].Style.MainName);
        }

        words.Add(noun);
        var phrase = string.Join(' ', words);
        return $"{("aeiou".Contains(phrase[0], StringComparison.Ordinal) ? "an" : "a")} {phrase} {positions[0]}";
    }

    // A synonym one time in four where the class has one.
    private static string Noun(string kind, SynthRandom rng)
    {
        var synonyms = SynthVocabulary.Synonyms.Where(s => s.Value == kind).Select(s => s.Key).ToList();
        return synonyms.Count > 0 && rng.Chance(0.25) ? rng.Pick(synonyms) : kind;
    }

    private static string Negation(HashSet<string> present, SynthRandom rng)
    {
        if (!present.Contains("man") && !present.Contains("woman") && rng.Chance(0.25))
        {
            return ", but no people";
        }

        var absent = SynthVocabulary.SoundClasses.Where(c => !present.Contains(c)).ToList();
        var noun = Noun(rng.Pick(absent), rng);
        return rng.Chance(0.5) ? $", with no {noun} in sight" : $", but no {SynthVocabulary.Plurals[noun]}";
    }

    private static string Position(SKRect box, int sizePx)
    {
        var col = box.MidX < sizePx / 3f ? "left" : box.MidX > sizePx * 2 / 3f ? "right" : "";
        var row = box.MidY < sizePx / 3f ? "top" : box.MidY > sizePx * 2 / 3f ? "bottom" : "";
        return (row, col) switch
        {
            ("", "") => "in the center",
            ("", _) => $"on the {col}",
            (_, "") => $"at the {row}",
            _ => $"at the {row} {col}",
        };
    }

    private static string Join(List<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";
}
