using System.CommandLine;
using System.Text.Json;
using SegPref.Cli.Infrastructure;
using SegPref.Cues;
using SegPref.Cues.OpenAi;
using Spectre.Console;

namespace SegPref.Cli.Commands;

/// <summary>`segpref cues "a description"`: the potential sounding objects of one scene description.</summary>
internal static class CuesCommand
{
    public static Command Create(CliEnvironment env)
    {
        var description = new Argument<string>("description") { Description = "A scene description, e.g. \"a man plays the guitar next to a sleeping dog\"." };
        var backend = new Option<string>("--backend") { Description = "lexicon (built in, deterministic) or openai (an OpenAI-compatible server).", DefaultValueFactory = _ => "lexicon" };
        backend.AcceptOnlyFromAmong("lexicon", "openai");
        var baseUrl = new Option<string?>("--base-url") { Description = "openai: server root, e.g. http://127.0.0.1:8000 (vLLM, Ollama, llama.cpp)." };
        var model = new Option<string?>("--model") { Description = "openai: model name as the server knows it." };
        var apiKey = new Option<string?>("--api-key") { Description = "openai: bearer token, if the server needs one." };
        var timeout = new Option<double>("--timeout") { Description = "openai: request timeout in seconds.", DefaultValueFactory = _ => 60 };
        var json = new Option<bool>("--json") { Description = "Print {\"cues\": [...]} (no \"None\" padding)." };
        var command = new Command("cues", "Extract the text cues (potential sounding objects, at most 4) from a scene description.")
        {
            description, backend, baseUrl, model, apiKey, timeout, json,
        };
        command.SetAction((result, ct) => CommandErrors.RunAsync(env, async () =>
        {
            var options = new TextCueOptions
            {
                Backend = result.GetRequiredValue(backend),
                OpenAi = result.GetValue(backend) == OpenAiTextCueExtractor.Name
                    ? new OpenAiCueOptions
                    {
                        BaseUrl = result.GetValue(baseUrl) ?? new OpenAiCueOptions().BaseUrl,
                        Model = result.GetValue(model) ?? string.Empty,
                        ApiKey = result.GetValue(apiKey),
                        Timeout = TimeSpan.FromSeconds(result.GetValue(timeout)),
                    }
                    : null,
            };
            var extractor = TextCueExtractorFactory.Create(options);
            try
            {
                var cues = await extractor.ExtractAsync(result.GetRequiredValue(description), ct);
                Print(env, cues, result.GetValue(json));
                return 0;
            }
            catch (CueBackendException ex)
            {
                env.Console.MarkupLineInterpolated($"[red]error:[/] {options.Backend} backend: {ex.Message}");
                return 1;
            }
            finally
            {
                (extractor as IDisposable)?.Dispose();
            }
        }));
        return command;
    }

    private static void Print(CliEnvironment env, TextCues cues, bool json)
    {
        if (json)
        {
            env.Out.WriteLine(JsonSerializer.Serialize(new { cues = cues.Cues }));
            return;
        }

        env.Out.WriteLine(cues.ToString());
        if (cues.Dropped.Count > 0)
        {
            env.Console.MarkupLineInterpolated($"[grey]dropped (not sound-capable AVSS classes): {string.Join(", ", cues.Dropped)}[/]");
        }
    }
}
