using SegPref.Avs.Io;

namespace SegPref.Avs.Tests.Io;

public sealed class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Quote_QuotesOnlyWhenNeeded(string field, string expected)
    {
        Assert.Equal(expected, Csv.Quote(field));
    }

    [Fact]
    public void Parse_QuotedMultilineField_KeepsStartLineOfEachRecord()
    {
        var records = Csv.Parse("h1,h2\r\n\"a\nb\",\"c\"\"d\"\r\nlast,row", "t.csv");

        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
        Assert.Equal(["a\nb", "c\"d"], records[1].Fields);
        Assert.Equal(["last", "row"], records[2].Fields);
    }

    [Fact]
    public void Parse_UnterminatedQuote_ThrowsNamingSourceAndLine()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Csv.Parse("h\n\"open", "t.csv"));

        Assert.Contains("t.csv line 2", ex.Message, StringComparison.Ordinal);
    }
}
