using System.Collections.Concurrent;
using Digest.Diagnostics;
using Digest.Yaml;
using YamlDotNet.RepresentationModel;

namespace Digest.Localization;

/// <summary>
/// The interface text of every language a theme has (<c>i18n/&lt;language&gt;.yml</c>). A site's own file for a language
/// overrides the built-in one key by key; a language, or a key, that neither has falls back to English.
/// </summary>
public sealed class Translations
{
    /// <summary>The theme's own language: every key a template uses must have an English string.</summary>
    public const string FallbackLanguage = "en";

    private static readonly HashSet<string> PluralCategories = ["zero", "one", "two", "few", "many", "other"];

    private readonly Dictionary<string, IReadOnlyDictionary<string, UiEntry>> _languages;
    /// <summary>Asked for by every <c>t</c> of every page on every render thread: read without a lock.</summary>
    private readonly ConcurrentDictionary<string, UiStrings> _strings = new(StringComparer.OrdinalIgnoreCase);

    private Translations(Dictionary<string, IReadOnlyDictionary<string, UiEntry>> languages) => _languages = languages;

    /// <summary>Languages that have a file, sorted.</summary>
    public IEnumerable<string> Languages => _languages.Keys.Order(StringComparer.Ordinal);

    /// <summary>The strings of <paramref name="language"/> ("ru", "ru-RU"): its own file, then its base language's, then English.</summary>
    public UiStrings For(string language) => _strings.TryGetValue(language, out var strings) ? strings : _strings.GetOrAdd(language, Create(language));

    private UiStrings Create(string language)
    {
        var english = language.Equals(FallbackLanguage, StringComparison.OrdinalIgnoreCase) ? null : For(FallbackLanguage);
        var baseLanguage = PluralRules.BaseLanguage(language);
        var parent = !baseLanguage.Equals(language, StringComparison.OrdinalIgnoreCase) && _languages.TryGetValue(baseLanguage, out var baseEntries)
            ? new UiStrings(language, baseEntries, english)
            : english;
        return _languages.TryGetValue(language, out var entries) ? new UiStrings(language, entries, parent)
            : parent ?? new UiStrings(language, new Dictionary<string, UiEntry>(), null);
    }

    /// <summary>Reads the layers of each language's file, built-in first, the site's after it; problems go to <paramref name="diagnostics"/>.</summary>
    /// <param name="files">Per language, the display path and text of each layer.</param>
    public static Translations Load(IEnumerable<(string Language, IReadOnlyList<(string DisplayPath, string Text)> Layers)> files, DiagnosticBag diagnostics)
    {
        var languages = new Dictionary<string, IReadOnlyDictionary<string, UiEntry>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (language, layers) in files)
        {
            var entries = new Dictionary<string, UiEntry>(StringComparer.Ordinal);
            foreach (var (displayPath, text) in layers)
            {
                foreach (var (key, entry) in Read(displayPath, text, diagnostics))
                {
                    entries[key] = entry;
                }
            }

            languages[language] = entries;
        }

        return new Translations(languages);
    }

    private static IEnumerable<(string Key, UiEntry Entry)> Read(string path, string text, DiagnosticBag diagnostics)
    {
        var root = YamlText.Load(text, out var error);
        if (error is not null)
        {
            diagnostics.Error(path, error.Line, error.Column, DiagnosticCodes.InvalidUiStrings,
                $"{error.Message}. Fix the YAML of this language file; quote strings that contain ': ' or start with '{{'.");
            yield break;
        }

        if (root is null or YamlScalarNode { Value: null or "" })
        {
            yield break;
        }

        if (root is not YamlMappingNode map)
        {
            diagnostics.Error(path, (int)root.Start.Line, (int)root.Start.Column, DiagnosticCodes.InvalidUiStrings,
                "a language file must be a map of 'key: text' lines. Write one string per line, like 'home: Home'.");
            yield break;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (Entry(value) is { } entry)
            {
                yield return (key, entry);
                continue;
            }

            diagnostics.Error(path, (int)value.Start.Line, (int)value.Start.Column, DiagnosticCodes.InvalidUiStrings,
                $"'{key}' must be a string, a list of names, or plural forms (one, few, many, other) each with a string. Write it like '{key}: text'.");
        }
    }

    private static UiEntry? Entry(YamlNode value) => value switch
    {
        YamlScalarNode scalar => new UiEntry(scalar.Value ?? "", null, null),
        YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode) =>
            new UiEntry(null, null, [.. list.Children.Select(c => ((YamlScalarNode)c).Value ?? "")]),
        YamlMappingNode forms when forms.Children.All(f => f.Key is YamlScalarNode { Value: { } k } && PluralCategories.Contains(k) && f.Value is YamlScalarNode)
            && forms.Children.Count > 0 =>
            new UiEntry(null, forms.Children.ToDictionary(f => ((YamlScalarNode)f.Key).Value!, f => ((YamlScalarNode)f.Value).Value ?? "", StringComparer.Ordinal), null),
        _ => null,
    };
}
