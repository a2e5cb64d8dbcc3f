using System.Collections.Frozen;
using Digest.Diagnostics;
using Digest.Localization;
using Scriban;
using Scriban.Parsing;

namespace Digest.Templates;

/// <summary>Every layout and partial of the theme, parsed once before rendering starts and shared by all threads.</summary>
public sealed class TemplateLibrary
{
    private readonly FrozenDictionary<string, Template> _templates;

    private TemplateLibrary(Theme theme, FrozenDictionary<string, Template> templates, Translations translations)
    {
        Theme = theme;
        _templates = templates;
        Translations = translations;
    }

    public Theme Theme { get; }

    /// <summary>The interface text of each language, from the theme's <c>i18n/</c> files.</summary>
    public Translations Translations { get; }

    /// <summary>Templates keyed by their display path, the key Scriban's include cache uses.</summary>
    internal IEnumerable<KeyValuePair<string, Template>> ByDisplayPath => _templates.Select(t => KeyValuePair.Create(t.Value.SourceFilePath ?? t.Key, t.Value));

    public static TemplateLibrary Load(Theme theme, DiagnosticBag diagnostics)
    {
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var name in theme.FileNames.Where(IsTemplate))
        {
            var displayPath = theme.DisplayPath(name);
            var template = Template.Parse(theme.ReadText(name), displayPath);
            foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
            {
                diagnostics.Error(displayPath, message.Span.Start.Line + 1, message.Span.Start.Column + 1, DiagnosticCodes.TemplateSyntax,
                    $"{message.Message.TrimEnd('.')}. Fix the Scriban syntax of this template.");
            }

            templates[name] = template;
        }

        var translations = Translations.Load(
            theme.FileNames.Where(IsLanguageFile).Select(name => (Path.GetFileNameWithoutExtension(name), theme.Layers(name))), diagnostics);
        return new TemplateLibrary(theme, templates.ToFrozenDictionary(StringComparer.Ordinal), translations);
    }

    public static bool IsTemplate(string name) =>
        name.EndsWith(".html", StringComparison.Ordinal) && (name.StartsWith("layouts/", StringComparison.Ordinal) || name.StartsWith("partials/", StringComparison.Ordinal));

    private static bool IsLanguageFile(string name) =>
        name.StartsWith("i18n/", StringComparison.Ordinal) && name.EndsWith(".yml", StringComparison.Ordinal) && name.IndexOf('/', 5) < 0;

    public static string LayoutName(string layout) => "layouts/" + layout + ".html";

    public bool HasLayout(string layout) => _templates.ContainsKey(LayoutName(layout));

    public Template Layout(string layout) => _templates[LayoutName(layout)];

    /// <summary>The template for an include name such as <c>partials/meta.html</c>, or null.</summary>
    internal Template? Find(string name) => _templates.GetValueOrDefault(name);
}
