using SegPref.Cues.OpenAi;

namespace SegPref.Cues.Tests.OpenAi;

public sealed class CueReplyParserTests
{
    private static readonly CueReplyParser Parser = new();

    private static string Cues(string reply) => string.Join(",", Parser.Parse(reply).Cues);

    [Theory]
    [InlineData("[\"guitar\", \"man\"]", "guitar,man")]
    [InlineData("Step 1: a guitar and a man are visible.\nStep 2: both can sound.\n[\"guitar\", \"man\"]", "guitar,man")]
    [InlineData("Candidates: [\"piano\"]. On reflection the piano is a poster.\nAnswer: [\"dog\"]", "dog")]
    [InlineData("Here:\n```json\n[\"violin\", \"woman\"]\n```", "violin,woman")]
    [InlineData("```\n[\"cat\"]\n```\nNote [1]: the cat is meowing.", "cat")]
    [InlineData("['guitar', 'piano']", "guitar,piano")]
    [InlineData("[\"guitar\", \"piano\",]", "guitar,piano")]
    [InlineData("[\n  \"guitar\",\n  \"piano\",\n]", "guitar,piano")]
    [InlineData("{\"sounding_objects\": [\"helicopter\", \"bird\"]}", "helicopter,bird")]
    [InlineData("```json\n{\"reasoning\": \"...\", \"sounding_objects\": [\"drum\"]}\n```", "drum")]
    [InlineData("Final answer: [guitar, man]", "guitar,man")]
    [InlineData("[\"gu\\u0069tar\", \"m\\\"an\"]", "guitar")]
    public void Parse_ListShapes_ReadsLastList(string reply, string expected) =>
        Assert.Equal(expected, Cues(reply));

    [Fact]
    public void Parse_SynonymsAndCase_MapToAvssNames() =>
        Assert.Equal("woman,dog,drum,violin", Cues("[\"Lady\", \"PUPPIES\", \"drum kit\", \"fiddle\"]"));

    [Fact]
    public void Parse_UnknownWords_AreDroppedAndReported()
    {
        var reply = Parser.Parse("[\"guitar\", \"chair\", \"amplifier\", \"man\"]");

        Assert.Equal(["guitar", "man"], reply.Cues);
        Assert.Equal(["chair", "amplifier"], reply.Dropped);
        Assert.Equal(["chair", "amplifier"], reply.ToTextCues().Dropped);
    }

    [Fact]
    public void Parse_MoreThanFour_KeepsFirstFourAndReportsOverflow()
    {
        var reply = Parser.Parse("[\"piano\", \"dog\", \"cat\", \"bird\", \"car\", \"violin\"]");

        Assert.Equal(["piano", "dog", "cat", "bird"], reply.Cues);
        Assert.Equal(["car", "violin"], reply.Overflow);
    }

    [Fact]
    public void Parse_NoneEntriesAndDuplicates_AreSkipped()
    {
        var reply = Parser.Parse("[\"guitar\", \"None\", \"guitars\", \"none\", null, \"\"]");

        Assert.Equal(["guitar"], reply.Cues);
        Assert.Empty(reply.Dropped);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("Nothing here can make a sound.\n[]")]
    [InlineData("[\"None\", \"None\", \"None\", \"None\"]")]
    public void Parse_EmptyList_ReturnsNoCues(string reply) =>
        Assert.Empty(Parser.Parse(reply).Cues);

    [Theory]
    [InlineData("I think there is a guitar.", "no JSON list")]
    [InlineData("Step 1 [visible objects]: a chair.", "no JSON list")]
    [InlineData("[\"guitar\", \"man\"", "no JSON list")]
    [InlineData("", "empty")]
    [InlineData("   \n ", "empty")]
    [InlineData(null, "empty")]
    public void Parse_NoUsableList_ThrowsMalformedReply(string? reply, string expected)
    {
        var e = Assert.Throws<CueBackendException>(() => Parser.Parse(reply));

        Assert.Equal(CueBackendFailure.MalformedReply, e.Failure);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestedArrays_UsesInnerFlatList() =>
        Assert.Equal("trumpet", Cues("[[\"trumpet\"]]"));

    [Fact]
    public void Parse_ApostropheInProse_DoesNotBreakList() =>
        Assert.Equal("baby", Cues("The baby's crying, so it's sounding.\n['baby']"));
}
