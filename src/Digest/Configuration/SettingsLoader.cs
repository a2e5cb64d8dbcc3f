using System.Globalization;
using Digest.Diagnostics;
using Digest.Files;
using Digest.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Digest.Configuration;

/// <summary>Reads <c>digest.yml</c> and <c>--set</c> overrides into <see cref="SiteSettings"/>.</summary>
public static class SettingsLoader
{

    /// <summary>Where <c>--set</c> and <c>--base-url</c> values come from: their problems are usage errors.</summary>
    private const string CommandLine = "--set";

    private static readonly string[] KnownKeys =
    [
        "title", "description", "base_url", "language", "time_zone", "page_size", "permalink", "author",
        "copyright", "feed_size", "related_count", "allow_html", "archives", "term_feeds", "custom_domain", "params",
        "follow_links_outside", "keep", "front_matter_keys", "categories", "languages", "term_aliases", "import",
        "google_news", "stories", "stories.enabled", "stories.window_days", "stories.similarity", "stories.lists", "search",
    ];

    /// <summary>The settings that take a list (or one comma-separated text).</summary>
    private static readonly string[] ListKeys = ["keep", "front_matter_keys", "categories"];

    private static readonly string[] LanguageKeys = ["title", "description", "prefix"];

    private static readonly string[] KnownImportKeys = ["signatures", "tags"];

    /// <summary>Loads settings; a missing file gives the defaults. Problems go to <paramref name="diagnostics"/>.</summary>
    public static SiteSettings Load(string siteDirectory, IReadOnlyList<KeyValuePair<string, string>> overrides, DiagnosticBag diagnostics)
    {
        var values = new List<SettingValue>();
        var path = Path.Combine(siteDirectory, SiteLayout.SettingsFile);
        if (File.Exists(path))
        {
            values.AddRange(ReadFile(path, diagnostics));
        }

        values.AddRange(overrides.Select(o => new SettingValue(o.Key, new YamlScalarNode(o.Value), CommandLine, 0, 0)));

        var settings = new SiteSettings();
        SettingValue? languages = null;
        foreach (var value in values)
        {
            if (value.Key == "languages")
            {
                // Read last: an edition's title and description default to the site's, wherever those are written.
                languages = value;
                continue;
            }

            settings = Apply(settings, value, diagnostics);
        }

        return languages is null ? settings : settings with { Languages = ReadLanguages(settings, languages, diagnostics) };
    }

    private static IEnumerable<SettingValue> ReadFile(string path, DiagnosticBag diagnostics)
    {
        var text = SourceText.Decode(File.ReadAllBytes(path), SiteLayout.SettingsFile, diagnostics);
        if (text is null)
        {
            return [];
        }

        var document = YamlText.Load(text, out var error);
        if (error is not null)
        {
            diagnostics.Error(SiteLayout.SettingsFile, error.Line, error.Column, DiagnosticCodes.SettingsSyntax,
                $"{error.Message}. Fix the YAML syntax of {SiteLayout.SettingsFile}.");
            return [];
        }

        if (document is null or YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (document is not YamlMappingNode root)
        {
            diagnostics.Error(SiteLayout.SettingsFile, (int)document.Start.Line, (int)document.Start.Column, DiagnosticCodes.InvalidSetting,
                $"{SiteLayout.SettingsFile} must be a map of settings (key: value). Write one setting per line, like 'title: My digest'.");
            return [];
        }

        return root.Children.Where(pair => !YamlValues.IsNull(pair.Value)).Select(pair => new SettingValue(
            ((pair.Key as YamlScalarNode)?.Value ?? "").ToLowerInvariant(), pair.Value, SiteLayout.SettingsFile,
            (int)pair.Key.Start.Line, (int)pair.Key.Start.Column));
    }

    private static SiteSettings Apply(SiteSettings settings, SettingValue value, DiagnosticBag diagnostics)
    {
        var scalar = SourceText.WithoutControlCharacters((value.Node as YamlScalarNode)?.Value?.Trim() ?? "");
        void Invalid(string what) => diagnostics.Error(value.Path, value.Line, value.Column,
            value.Path == CommandLine ? DiagnosticCodes.UsageError : DiagnosticCodes.InvalidSetting,
            $"'{value.Key}' {what}, got '{scalar}'.");

        int? PositiveInt()
        {
            if (int.TryParse(scalar, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                return n;
            }

            Invalid("must be a whole number greater than 0");
            return null;
        }

        bool? Bool()
        {
            if (scalar is "true" or "false")
            {
                return scalar == "true";
            }

            Invalid("must be true or false");
            return null;
        }

        // A list of scalars, or one comma-separated text; null (reported) for a map or a list holding one.
        List<string>? Names(string what)
        {
            if (value.Node is YamlMappingNode || (value.Node is YamlSequenceNode nested && nested.Children.Any(c => c is not YamlScalarNode)))
            {
                Invalid($"must be {what}");
                return null;
            }

            var names = value.Node is YamlSequenceNode list
                ? list.Children.Where(n => !YamlValues.IsNull(n)).Select(n => SourceText.WithoutControlCharacters(((YamlScalarNode)n).Value?.Trim() ?? "")).ToList()
                : [.. scalar.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            return [.. names.Where(n => n.Length > 0)];
        }

        if (value.Node is not YamlScalarNode && value.Key is not ("params" or "term_aliases" or "import" or "stories") && !ListKeys.Contains(value.Key) && KnownKeys.Contains(value.Key))
        {
            diagnostics.Error(value.Path, value.Line, value.Column, DiagnosticCodes.InvalidSetting,
                $"'{value.Key}' must be a single value, but it is {(value.Node is YamlMappingNode ? "a map" : "a list")}. Write it on one line, like '{value.Key}: value'.");
            return settings;
        }

        switch (value.Key)
        {
            case "title": return settings with { Title = scalar };
            case "description": return settings with { Description = scalar };
            case "language": return settings with { Language = scalar.Length == 0 ? "en" : scalar };
            case "author": return settings with { Author = scalar };
            case "copyright": return settings with { Copyright = scalar };
            case "custom_domain": return settings with { CustomDomain = scalar };
            case "base_url":
                if (Uri.TryCreate(scalar.EndsWith('/') ? scalar : scalar + "/", UriKind.Absolute, out var uri)
                    && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                    && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment))
                {
                    return settings with { BaseUrl = uri };
                }

                Invalid("must be an absolute http(s) URL such as https://owner.github.io/repo/");
                return settings;
            case "time_zone":
                if (TimeZoneInfo.TryFindSystemTimeZoneById(scalar, out var zone))
                {
                    return settings with { TimeZone = zone };
                }

                Invalid("must be an IANA time zone such as Europe/London or Asia/Yerevan");
                return settings;
            case "permalink":
                var problem = Permalinks.Validate(scalar);
                if (problem is null)
                {
                    return settings with { Permalink = scalar };
                }

                Invalid(problem);
                return settings;
            case "page_size": return PositiveInt() is { } pageSize ? settings with { PageSize = pageSize } : settings;
            case "feed_size": return PositiveInt() is { } feedSize ? settings with { FeedSize = feedSize } : settings;
            case "related_count": return PositiveInt() is { } related ? settings with { RelatedCount = related } : settings;
            case "allow_html": return Bool() is { } allow ? settings with { AllowHtml = allow } : settings;
            case "archives": return Bool() is { } archives ? settings with { Archives = archives } : settings;
            case "term_feeds": return Bool() is { } termFeeds ? settings with { TermFeeds = termFeeds } : settings;
            case "follow_links_outside": return Bool() is { } follow ? settings with { FollowLinksOutside = follow } : settings;
            case "search": return Bool() is { } search ? settings with { Search = search } : settings;
            case "google_news": return Bool() is { } news ? settings with { GoogleNews = news } : settings;
            case "stories" when value.Node is YamlMappingNode storyMap:
                // Each key of the map is the setting stories.<key>, as --set writes it.
                return storyMap.Children.Where(pair => !YamlValues.IsNull(pair.Value)).Aggregate(settings, (s, pair) => Apply(s, new SettingValue(
                    "stories." + ((pair.Key as YamlScalarNode)?.Value ?? "").ToLowerInvariant(), pair.Value, value.Path, (int)pair.Key.Start.Line, (int)pair.Key.Start.Column), diagnostics));
            case "stories" or "stories.enabled":
                return Bool() is { } grouped ? settings with { Stories = settings.Stories with { Enabled = grouped } } : settings;
            case "stories.window_days":
                return PositiveInt() is { } days ? settings with { Stories = settings.Stories with { WindowDays = days } } : settings;
            case "stories.similarity":
                if (double.TryParse(scalar, NumberStyles.Float, CultureInfo.InvariantCulture, out var similarity) && similarity is > 0 and <= 1)
                {
                    return settings with { Stories = settings.Stories with { Similarity = similarity } };
                }

                Invalid("must be a number greater than 0 and at most 1, such as 0.45");
                return settings;
            case "stories.lists":
                if (scalar is "articles" or "stories")
                {
                    return settings with { Stories = settings.Stories with { OneEntryPerStory = scalar == "stories" } };
                }

                Invalid("must be 'articles' (every article in lists) or 'stories' (one entry per story)");
                return settings;
            case "keep":
                return Names("a list of paths in the output folder, such as [CNAME, google1234.html, downloads/**]") is { } patterns ? settings with { Keep = patterns } : settings;
            case "front_matter_keys":
                // Front matter keys are case-insensitive, read in lower case.
                return Names("a list of front matter keys, such as [rating, paywall]") is { } keys
                    ? settings with { FrontMatterKeys = [.. keys.Select(k => k.ToLowerInvariant())] }
                    : settings;
            case "categories":
                return Names("a list of category names, such as [Politics, Economy, Culture]") is { } categories ? settings with { Categories = categories } : settings;
            case "term_aliases":
                return ReadTermAliases(settings, value, diagnostics);
            case "import":
                if (value.Node is YamlMappingNode section)
                {
                    return settings with { Import = ReadImport(section, value.Path, diagnostics) };
                }

                Invalid("must be a map such as 'import: { signatures: [\"Unsubscribe\"], tags: 5 }'");
                return settings;
            case "params":
                if (value.Node is YamlMappingNode map)
                {
                    return settings with { Params = YamlValues.ToDictionary(map) };
                }

                Invalid("must be a map of theme options");
                return settings;
            default:
                var suggestion = Spelling.Closest(value.Key, KnownKeys);
                diagnostics.Warning(value.Path, value.Line, value.Column, DiagnosticCodes.UnknownSetting,
                    $"unknown setting '{value.Key}'." + (suggestion is null
                        ? $" Known settings: {string.Join(", ", KnownKeys)}."
                        : $" Did you mean '{suggestion}'?"));
                return settings;
        }
    }

    /// <summary>
    /// <c>languages:</c> as a list of codes (<c>[en, hy, ru]</c>) or a map of codes to each edition's <c>title</c>,
    /// <c>description</c> and <c>prefix</c>. The site's <c>language</c> is the default edition, at the root unless given a
    /// prefix; every other edition is under <c>/code/</c> unless given another.
    /// </summary>
    private static List<SiteLanguage> ReadLanguages(SiteSettings settings, SettingValue value, DiagnosticBag diagnostics)
    {
        void Error(YamlNode at, string message) => diagnostics.Error(value.Path, (int)at.Start.Line, (int)at.Start.Column, DiagnosticCodes.InvalidSetting, message);
        var entries = value.Node switch
        {
            YamlSequenceNode list => list.Children.Select(c => (Code: c, Options: (YamlNode?)null)).ToList(),
            YamlMappingNode map => map.Children.Select(c => (Code: c.Key, Options: (YamlNode?)c.Value)).ToList(),
            _ => null,
        };
        if (entries is null || value.Path == CommandLine)
        {
            Error(value.Node, "'languages' must be a list of language codes, like [en, hy, ru], or a map of codes to each edition's title, description and prefix. Write it in digest.yml.");
            return [];
        }

        var languages = new List<SiteLanguage>();
        foreach (var (codeNode, options) in entries)
        {
            var code = (codeNode as YamlScalarNode)?.Value?.Trim() ?? "";
            if (!IsLanguageCode(code))
            {
                Error(codeNode, $"'{code}' is not a language code. Write a code such as en, hy, ru or pt-BR.");
                continue;
            }

            if (languages.Any(l => l.Code.Equals(code, StringComparison.OrdinalIgnoreCase)))
            {
                Error(codeNode, $"the language '{code}' is listed twice. Keep one entry for it.");
                continue;
            }

            var isDefault = code.Equals(settings.Language, StringComparison.OrdinalIgnoreCase);
            var edition = new SiteLanguage(code, isDefault ? "" : "/" + code.ToLowerInvariant(), settings.Title, settings.Description);
            if (options is YamlMappingNode map)
            {
                foreach (var (keyNode, optionNode) in map.Children)
                {
                    var key = (keyNode as YamlScalarNode)?.Value ?? "";
                    var text = SourceText.WithoutControlCharacters((optionNode as YamlScalarNode)?.Value?.Trim() ?? "");
                    switch (key)
                    {
                        case "title": edition = edition with { Title = text }; break;
                        case "description": edition = edition with { Description = text }; break;
                        case "prefix":
                            var prefix = text.Trim('/');
                            if (!prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                            {
                                Error(optionNode, $"the prefix '{text}' of '{code}' must be one URL segment of lower-case letters, digits and hyphens, like /{code.ToLowerInvariant()}/, or empty for the root.");
                                break;
                            }

                            edition = edition with { Prefix = prefix.Length == 0 ? "" : "/" + prefix };
                            break;
                        default:
                            var suggestion = Spelling.Closest(key, LanguageKeys);
                            diagnostics.Warning(value.Path, (int)keyNode.Start.Line, (int)keyNode.Start.Column, DiagnosticCodes.UnknownSetting,
                                $"unknown setting '{key}' of the language '{code}'." + (suggestion is null ? $" Known: {string.Join(", ", LanguageKeys)}." : $" Did you mean '{suggestion}'?"));
                            break;
                    }
                }
            }
            else if (options is not null && !YamlValues.IsNull(options))
            {
                Error(options, $"the settings of '{code}' must be a map, like '{code}: {{ title: My digest }}'.");
            }

            languages.Add(edition);
        }

        if (languages.Count == 0)
        {
            return languages;
        }

        if (!languages.Any(l => l.Code.Equals(settings.Language, StringComparison.OrdinalIgnoreCase)))
        {
            Error(value.Node, $"'languages' does not list the site's language '{settings.Language}'. Add it, or set 'language' to the default one of them.");
            return [];
        }

        foreach (var clash in languages.GroupBy(l => l.Prefix, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            Error(value.Node, $"the languages {string.Join(" and ", clash.Select(l => l.Code))} share the prefix '{clash.Key}/'. Give each language its own prefix.");
            return [];
        }

        // The default edition first: what is at the root, and what an article without 'lang:' belongs to.
        return [.. languages.OrderBy(l => l.Code.Equals(settings.Language, StringComparison.OrdinalIgnoreCase) ? 0 : 1)];
    }

    /// <summary><c>term_aliases:</c> maps a name to the other spellings that are the same tag or category.</summary>
    private static SiteSettings ReadTermAliases(SiteSettings settings, SettingValue value, DiagnosticBag diagnostics)
    {
        if (value.Node is not YamlMappingNode map)
        {
            diagnostics.Error(value.Path, value.Line, value.Column, DiagnosticCodes.InvalidSetting,
                "'term_aliases' must be a map from a name to its other spellings, like 'Yerevan: [Ереван, Երևան]'.");
            return settings;
        }

        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (nameNode, spellings) in map.Children)
        {
            var name = SourceText.WithoutControlCharacters((nameNode as YamlScalarNode)?.Value?.Trim() ?? "");
            var others = spellings switch
            {
                YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? ""),
                YamlScalarNode one => [one.Value ?? ""],
                _ => [],
            };
            foreach (var spelling in others.Select(s => SourceText.WithoutControlCharacters(s.Trim())).Prepend(name).Where(s => s.Length > 0))
            {
                if (aliases.TryGetValue(spelling, out var other) && !other.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    diagnostics.Error(value.Path, (int)nameNode.Start.Line, (int)nameNode.Start.Column, DiagnosticCodes.InvalidSetting,
                        $"'{spelling}' is an alias of both '{other}' and '{name}' in 'term_aliases'. Keep it under one name.");
                    continue;
                }

                aliases[spelling] = name;
            }
        }

        return settings with { TermAliases = aliases };
    }

    private static bool IsLanguageCode(string code) =>
        code.Length is >= 2 and <= 35 && code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && char.IsAsciiLetter(code[0]) && !code.EndsWith('-');

    /// <summary>The <c>import:</c> map: <c>signatures</c> (a list of texts) and <c>tags</c> (how many to suggest).</summary>
    private static ImportSettings ReadImport(YamlMappingNode section, string path, DiagnosticBag diagnostics)
    {
        var import = new ImportSettings();
        foreach (var (keyNode, node) in section.Children)
        {
            var key = ((keyNode as YamlScalarNode)?.Value ?? "").ToLowerInvariant();
            var (line, column) = ((int)keyNode.Start.Line, (int)keyNode.Start.Column);
            var scalar = SourceText.WithoutControlCharacters((node as YamlScalarNode)?.Value?.Trim() ?? "");
            switch (key)
            {
                case "signatures":
                    var texts = node switch
                    {
                        YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(n => SourceText.WithoutControlCharacters(n.Value?.Trim() ?? "")),
                        YamlScalarNode => [scalar],
                        _ => null,
                    };
                    if (texts is null)
                    {
                        diagnostics.Error(path, line, column, DiagnosticCodes.InvalidSetting,
                            "'import.signatures' must be a list of texts that begin a signature, such as [\"Unsubscribe\", \"Sent from my phone\"].");
                        break;
                    }

                    import = import with { Signatures = [.. texts.Where(t => t.Length > 0)] };
                    break;
                case "tags":
                    if (int.TryParse(scalar, NumberStyles.Integer, CultureInfo.InvariantCulture, out var tags) && tags >= 0)
                    {
                        import = import with { Tags = tags };
                        break;
                    }

                    diagnostics.Error(path, line, column, DiagnosticCodes.InvalidSetting,
                        $"'import.tags' must be a whole number of tags to suggest per story (0 for none), got '{scalar}'.");
                    break;
                default:
                    var suggestion = Spelling.Closest(key, KnownImportKeys);
                    diagnostics.Warning(path, line, column, DiagnosticCodes.UnknownSetting,
                        $"unknown setting 'import.{key}'." + (suggestion is null
                            ? $" Known settings under import: {string.Join(", ", KnownImportKeys)}."
                            : $" Did you mean 'import.{suggestion}'?"));
                    break;
            }
        }

        return import;
    }

    private sealed record SettingValue(string Key, YamlNode Node, string Path, int Line, int Column);
}
