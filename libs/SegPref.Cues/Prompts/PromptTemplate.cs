using SegPref.Cues.Lexicon;

namespace SegPref.Cues.Prompts;

/// <summary>The chain-of-thought prompt (Prompts/sounding-objects.md): a "## system" and a "## user" section with
/// {{description}}, {{classes}} and {{max_cues}} placeholders.</summary>
public sealed class PromptTemplate
{
    /// <summary>Placeholder for the scene description (required in the user section).</summary>
    public const string DescriptionPlaceholder = "{{description}}";

    /// <summary>Placeholder for the comma-separated allowed class names (required in the user section).</summary>
    public const string ClassesPlaceholder = "{{classes}}";

    /// <summary>Placeholder for the slot count, 4.</summary>
    public const string MaxCuesPlaceholder = "{{max_cues}}";

    private const string ResourceName = "SegPref.Cues.sounding-objects.md";

    private static readonly Lazy<PromptTemplate> LazyDefault = new(() => Parse(EmbeddedText.Read(ResourceName), ResourceName));

    private PromptTemplate(string system, string user)
    {
        System = system;
        User = user;
    }

    /// <summary>The embedded template.</summary>
    public static PromptTemplate Default => LazyDefault.Value;

    /// <summary>The system section as written (placeholders not yet filled).</summary>
    public string System { get; }

    /// <summary>The user section as written (placeholders not yet filled).</summary>
    public string User { get; }

    /// <summary>Reads a template file (to try a prompt without rebuilding).</summary>
    /// <exception cref="InvalidDataException">The file lacks a section or a required placeholder.</exception>
    public static PromptTemplate Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses template text; <paramref name="sourceName"/> is named in error messages.</summary>
    /// <exception cref="InvalidDataException">A section or a required placeholder is missing.</exception>
    public static PromptTemplate Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sections = PromptSections.Split(text);
        var system = sections.GetValueOrDefault("system");
        var user = sections.GetValueOrDefault("user");
        if (string.IsNullOrWhiteSpace(system) || string.IsNullOrWhiteSpace(user))
        {
            throw new InvalidDataException($"Prompt template {sourceName} needs a non-empty '## system' and '## user' section.");
        }

        foreach (var placeholder in new[] { DescriptionPlaceholder, ClassesPlaceholder })
        {
            if (!user.Contains(placeholder, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Prompt template {sourceName}: the user section lacks the placeholder {placeholder}.");
            }
        }

        return new PromptTemplate(system, user);
    }

    /// <summary>Fills the placeholders for one description.</summary>
    public RenderedPrompt Render(string description)
    {
        ArgumentNullException.ThrowIfNull(description);

        // The description sits between triple quotes; keep a description from closing them early.
        var safe = description.Trim().Replace("\"\"\"", "\"", StringComparison.Ordinal);
        return new RenderedPrompt(Fill(System, safe), Fill(User, safe));
    }

    private static string Fill(string section, string description) => section
        .Replace(ClassesPlaceholder, string.Join(", ", AvssVocabulary.SoundCapableClasses), StringComparison.Ordinal)
        .Replace(MaxCuesPlaceholder, CueSlots.Count.ToString(), StringComparison.Ordinal)
        .Replace(DescriptionPlaceholder, description, StringComparison.Ordinal);
}
