using System.CommandLine;
using SegPref.Avs.Data;

namespace SegPref.Cli.Commands;

/// <summary>--data and --format: a dataset in any layout segpref reads (docs/avsbench.md).</summary>
internal sealed class DataOptions
{
    public Option<string> Data { get; } = new("--data")
    {
        Description = "Dataset root: AVS-Synth, the AVSS release (metadata.csv), or AVSBench S4 / MS3 (s4_meta_data.csv / ms3_meta_data.csv with s4_data/ / ms3_data/, or the avsbench_data/ folder holding them); see docs/avsbench.md.",
        Required = true,
    };

    public Option<string> Format { get; } = CreateFormat();

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Format);
    }

    public string Root(ParseResult result) => result.GetRequiredValue(Data);

    public AvsDataFormat? ReadFormat(ParseResult result) => AvsDataFormats.Parse(result.GetValue(Format));

    public AvsData Open(ParseResult result) => AvsData.Open(Root(result), ReadFormat(result));

    private static Option<string> CreateFormat()
    {
        var option = new Option<string>("--format") { Description = "The dataset's layout: auto (detected), synth, avss, s4 or ms3.", DefaultValueFactory = _ => "auto" };
        option.AcceptOnlyFromAmong(["auto", .. AvsDataFormats.Names]);
        return option;
    }
}
