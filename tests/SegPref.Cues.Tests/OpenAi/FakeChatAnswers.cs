using System.Text.Json;
using System.Text.Json.Nodes;
using SegPref.Cues.Lexicon;

namespace SegPref.Cues.Tests.OpenAi;

/// <summary>The fake LLM's "reasoning": the lexicon run on the description found in the user message.</summary>
internal static class FakeChatAnswers
{
    private const string Quotes = "\"\"\"";

    /// <summary>The description between the triple quotes of the user message (the prompt template puts it there).</summary>
    public static string Description(JsonObject request)
    {
        var user = request["messages"]!.AsArray().Single(m => (string?)m!["role"] == "user")!;
        var text = (string)user["content"]!;
        var start = text.IndexOf(Quotes, StringComparison.Ordinal) + Quotes.Length;
        var end = text.IndexOf(Quotes, start, StringComparison.Ordinal);
        return text[start..end].Trim();
    }

    public static string Answer(FakeReplyMode mode, string description)
    {
        var cues = CueLexicon.Default.Extract(description);
        var list = JsonSerializer.Serialize(cues);
        var reasoning =
            $"Step 1 [visible objects]: the description says \"{description}\".\n" +
            $"Step 2: of these, {(cues.Count == 0 ? "nothing" : string.Join(" and ", cues))} could make a sound.\n";
        return mode switch
        {
            FakeReplyMode.FencedObject => reasoning + "```json\n{\"sounding_objects\": " + list + "}\n```",
            FakeReplyMode.NoList => reasoning + "I am not sure which objects are sounding.",
            _ => reasoning + "Final answer:\n" + list,
        };
    }
}
