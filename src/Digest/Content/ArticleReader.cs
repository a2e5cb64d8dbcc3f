using System.Globalization;
using System.Text.RegularExpressions;
using Digest.Bodies;
using Digest.Configuration;
using Digest.Diagnostics;
using Digest.Files;
using Digest.Yaml;
using YamlDotNet.RepresentationModel;

namespace Digest.Content;

/// <summary>Reads one Markdown file into an <see cref="Article"/>: a pure function of the file, its folder defaults and the settings.</summary>
internal sealed partial class ArticleReader(SiteSettings settings, MarkdownRenderer markdown, DirectoryDefaults defaults, ContentStore contents)
{
    private static readonly HashSet<string> KnownKeys =
    [
        "title", "date", "updated", "summary", "author", "authors", "source", "source_url", "categories", "category",
        "tags", "slug", "draft", "image", "image_alt", "lang", "layout", "menu_order", "params", "translation_key", "translation_of",
        "image_width", "image_height",
    ];

    /// <summary>The keys an article may have without a warning: Digest's own and those the site declares.</summary>
    private readonly string[] _expectedKeys = [.. KnownKeys.Order(StringComparer.Ordinal), .. settings.FrontMatterKeys];

    /// <summary>
    /// The categories of digest.yml's list, by name (case-insensitive) and by the slug of their page: a name matching
    /// either is grouped with a listed one (see TermGrouping), so it makes no page of its own.
    /// </summary>
    private readonly (HashSet<string> Names, HashSet<string> Slugs)? _listedCategories = settings.Categories is { } listed
        ? (listed.ToHashSet(StringComparer.OrdinalIgnoreCase), listed.Select(c => Slugs.OfTerm(c, isTag: false)).ToHashSet(StringComparer.Ordinal))
        : null;

    /// <summary>More tags than this on one article are dropped with a warning: each one makes pages and feeds.</summary>
    public const int MaxTags = 50;

    /// <summary>More categories than this on one article are dropped with a warning.</summary>
    public const int MaxCategories = 20;

    /// <param name="path">Site-relative path, e.g. input/articles/rail.md.</param>
    /// <param name="isPage">A standalone page (input/pages/): the date is optional.</param>
    public Article? Read(string path, ReadOnlySpan<byte> bytes, bool isPage, DiagnosticBag diagnostics)
    {
        var text = SourceText.Decode(bytes, path, diagnostics);
        if (text is null)
        {
            return null;
        }

        var frontMatter = FrontMatter.Parse(text, path, diagnostics);
        if (frontMatter is null)
        {
            return null;
        }

        var values = defaults.Apply(path, frontMatter.Values);
        ReportUnexpectedKeys(values, diagnostics);
        var fields = new Fields(values, diagnostics);
        var stem = Path.GetFileNameWithoutExtension(path);
        var prefix = DatePrefix().Match(stem);

        var title = fields.Text("title");
        if (title.Length == 0)
        {
            diagnostics.Error(path, 1, 1, DiagnosticCodes.MissingTitle,
                "the front matter has no 'title'. Add a line such as 'title: What happened' between the '---' lines.");
        }

        var date = fields.Date("date", settings.TimeZone);
        var badPrefix = false;
        if (date is null && !values.ContainsKey("date") && prefix.Success)
        {
            var named = prefix.Groups["date"].Value;
            if (DateTime.TryParseExact(named, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && Dates.TryInZone(day, settings.TimeZone, out var inZone))
            {
                date = inZone;
            }
            else
            {
                badPrefix = true;
                diagnostics.Error(path, 1, 1, DiagnosticCodes.InvalidFileNameDate,
                    $"the file name starts with '{named}', which is not a date Digest can use. Rename the file with a real date (YYYY-MM-DD-slug.md) or add a 'date:' line to the front matter.");
            }
        }

        if (date is null && !values.ContainsKey("date") && !isPage && !badPrefix)
        {
            diagnostics.Error(path, 1, 1, DiagnosticCodes.MissingDate,
                "the front matter has no 'date'. Add a line such as 'date: 2026-11-03T09:15:00+04:00', or name the file YYYY-MM-DD-slug.md.");
        }

        var slug = ReadSlug(fields, isPage, title, prefix.Success ? prefix.Groups["rest"].Value : null, stem, diagnostics);
        RenderedMarkdown rendered;
        try
        {
            rendered = markdown.Render(frontMatter.Body);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("deeply nested", StringComparison.Ordinal))
        {
            // Markdig refuses nesting past its depth limit rather than overflow the stack (5,000 '>' or '*' in a row).
            diagnostics.Error(path, frontMatter.BodyLine, 1, DiagnosticCodes.MarkdownTooDeep,
                "the Markdown is nested too deeply to render (thousands of '>', '-' or '*' inside each other). Remove the nesting; a news article needs a few levels at most.");
            return null;
        }

        var summary = fields.Text("summary");
        var layout = fields.Text("layout");
        var categories = fields.Limited(fields.List("categories", "category"), MaxCategories, DiagnosticCodes.TooManyCategories, "categories", "category");
        ReportUnlistedCategories(values, categories, diagnostics);
        var article = new Article
        {
            SourcePath = path,
            FileName = Slugs.SlugifyNonEmpty(stem, "article"),
            IsPage = isPage,
            Title = title,
            Date = date,
            Updated = fields.Date("updated", settings.TimeZone),
            Slug = slug ?? "",
            Summary = summary.Length > 0 ? summary : rendered.Summary,
            Content = contents.Add(rendered.Html),
            Authors = fields.List("author", "authors"),
            Source = fields.Text("source"),
            SourceUrl = fields.Url("source_url", allowSitePath: false),
            Categories = categories,
            Tags = fields.Limited(fields.List("tags"), MaxTags, DiagnosticCodes.TooManyTags, "tags"),
            Image = fields.Url("image", allowSitePath: true),
            ImageAlt = fields.Text("image_alt"),
            ImageWidth = fields.Int("image_width"),
            ImageHeight = fields.Int("image_height"),
            Lang = fields.Language("lang", settings.Languages),
            TranslationKey = fields.Text("translation_key"),
            TranslationOf = fields.SourcePath("translation_of"),
            TranslationOfLine = values.TryGetValue("translation_of", out var translationOf) ? translationOf.Line : 0,
            Layout = layout.Length == 0 ? null : layout,
            LayoutLine = values.TryGetValue("layout", out var layoutValue) ? layoutValue.Line : 0,
            Draft = fields.Bool("draft"),
            MenuOrder = fields.Int("menu_order"),
            WordCount = rendered.WordCount,
            ReadingMinutes = MarkdownRenderer.ReadingMinutes(rendered.WordCount),
            Params = ReadParams(values, fields),
        };

        return fields.Failed || title.Length == 0 || slug is null || (date is null && !isPage) ? null : article;
    }

    /// <summary>
    /// Every top-level key Digest does not know and the site did not declare in <c>front_matter_keys</c> is most likely a
    /// typo that would drop its value silently (<c>sumary:</c>, <c>tag:</c>), so it is a warning at the key, in the file
    /// that set it (a folder's <c>_directory.yml</c> or the article).
    /// </summary>
    private void ReportUnexpectedKeys(IReadOnlyDictionary<string, FrontMatterValue> values, DiagnosticBag diagnostics)
    {
        foreach (var (key, value) in values)
        {
            if (KnownKeys.Contains(key) || settings.FrontMatterKeys.Contains(key))
            {
                continue;
            }

            var suggestion = Spelling.Closest(key, _expectedKeys);
            var written = (value.Key as YamlScalarNode)?.Value ?? key;
            diagnostics.Warning(value.Path, value.KeyLine, value.KeyColumn, DiagnosticCodes.UnknownFrontMatterKey,
                $"unknown front-matter key '{written}'." + (suggestion is null
                    ? $" If it is a field for the theme, move it under 'params:', or list it in 'front_matter_keys' of {SiteLayout.SettingsFile}."
                    : $" Did you mean '{suggestion}'?"));
        }
    }

    /// <summary>With a <c>categories:</c> list in digest.yml, a category outside it is an error at its entry: a misspelt one would make a page of its own.</summary>
    private void ReportUnlistedCategories(IReadOnlyDictionary<string, FrontMatterValue> values, string[] categories, DiagnosticBag diagnostics)
    {
        if (_listedCategories is not { } allowed || categories.Length == 0)
        {
            return;
        }

        var value = values.TryGetValue("categories", out var plural) ? plural : values["category"];
        foreach (var category in categories.Where(c => !allowed.Names.Contains(c) && !allowed.Slugs.Contains(Slugs.OfTerm(settings.TermAliases.GetValueOrDefault(c, c), isTag: false))))
        {
            // The entry that gave the name, or the whole value when it is one comma-separated text.
            var node = (value.Node as YamlSequenceNode)?.Children
                .FirstOrDefault(c => c is YamlScalarNode { Value: { } v } && SourceText.WithoutControlCharacters(v.Trim()).Equals(category, StringComparison.OrdinalIgnoreCase))
                ?? value.Node;
            var listed = settings.Categories!;
            var suggestion = Spelling.Closest(category, listed, ignoreCase: true);
            diagnostics.Error(value.Path, value.LineOf(node), (int)node.Start.Column, DiagnosticCodes.UnlistedCategory,
                $"the category '{category}' is not in the 'categories' list of {SiteLayout.SettingsFile}." + (suggestion, listed.Count) switch
                {
                    (not null, _) => $" Did you mean '{suggestion}'? Correct it, or add '{category}' to the list.",
                    (_, 0) => $" The list is empty, so articles have no categories: remove '{category}', or add it to the list.",
                    _ => $" Use one of those listed ({string.Join(", ", listed)}), or add '{category}' to the list.",
                });
        }
    }

    /// <summary>
    /// What templates see as <c>article.params</c>: the entries of the <c>params:</c> map, over every other top-level key
    /// Digest does not read itself (declared or not: a warning never changes the site).
    /// </summary>
    private static Dictionary<string, object?> ReadParams(IReadOnlyDictionary<string, FrontMatterValue> values, Fields fields)
    {
        var result = values.Where(v => !KnownKeys.Contains(v.Key))
            .ToDictionary(v => v.Key, v => YamlValues.ToValue(v.Value.Node), StringComparer.Ordinal);
        if (fields.Map("params") is { } map)
        {
            foreach (var (key, item) in YamlValues.ToDictionary(map))
            {
                result[key] = item;
            }
        }

        return result;
    }

    private static string? ReadSlug(Fields fields, bool isPage, string title, string? prefixRest, string stem, DiagnosticBag diagnostics)
    {
        if (fields.TryGet("slug", out var value))
        {
            var given = fields.Text("slug");
            var slug = Slugs.Slugify(given);
            if (given.Contains('/') || given.Contains('\\') || given.Contains("..", StringComparison.Ordinal) || slug.Length == 0)
            {
                diagnostics.Error(value.Path, value.Line, value.Column, DiagnosticCodes.InvalidSlug,
                    $"the slug '{given}' is not usable in a URL: it must not contain '/', '\\' or '..', and needs letters or digits. Write a slug like 'rail-link-reopens'.");
                return null;
            }

            return slug;
        }

        var fromName = Slugs.Slugify(prefixRest ?? (isPage ? stem : ""));
        if (fromName.Length > 0)
        {
            return fromName;
        }

        var fromTitle = Slugs.Slugify(title);
        return fromTitle.Length > 0 ? fromTitle : Slugs.SlugifyNonEmpty(stem, "article");
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})-(?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePrefix();

    /// <summary>Typed access to front matter values, reporting wrong types at the value's position.</summary>
    private sealed class Fields(IReadOnlyDictionary<string, FrontMatterValue> values, DiagnosticBag diagnostics)
    {
        public bool Failed { get; private set; }

        public bool TryGet(string key, out FrontMatterValue value) => values.TryGetValue(key, out value!);

        public string Text(string key)
        {
            if (!values.TryGetValue(key, out var value))
            {
                return "";
            }

            if (value.Node is YamlScalarNode scalar)
            {
                return SourceText.WithoutControlCharacters((scalar.Value ?? "").Trim());
            }

            WrongType(key, value, "a single text value");
            return "";
        }

        public YamlMappingNode? Map(string key)
        {
            if (!values.TryGetValue(key, out var value))
            {
                return null;
            }

            if (value.Node is YamlMappingNode map)
            {
                return map;
            }

            WrongType(key, value, "a map of fields, one per line below it, like 'rating: 4'");
            return null;
        }

        /// <summary>An http(s) URL, or with <paramref name="allowSitePath"/> also a path from the site root (/images/x.jpg).</summary>
        public string Url(string key, bool allowSitePath)
        {
            var text = Text(key);
            if (text.Length == 0 || LinkSchemes.IsWeb(text) || (allowSitePath && text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal)))
            {
                return text;
            }

            Failed = true;
            var value = values[key];
            diagnostics.Error(value.Path, value.Line, value.Column, DiagnosticCodes.InvalidUrl,
                $"'{key}' is '{text}', which is not " + (allowSitePath ? "a path from the site root or an http(s) URL" : "an http(s) URL")
                + ". Write it like " + (allowSitePath ? "/images/photo.jpg or https://example.org/photo.jpg." : "https://example.org/story."));
            return "";
        }

        /// <summary>
        /// A language code; in a multilingual site, one of its <paramref name="languages"/> as the site writes it, else
        /// an error at the value.
        /// </summary>
        public string Language(string key, IReadOnlyList<SiteLanguage> languages)
        {
            var text = Text(key);
            if (text.Length == 0 || languages.Count == 0)
            {
                return text;
            }

            if (languages.FirstOrDefault(l => l.Code.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } language)
            {
                return language.Code;
            }

            Failed = true;
            var value = values[key];
            diagnostics.Error(value.Path, value.Line, value.Column, DiagnosticCodes.UnknownLanguage,
                $"'{text}' is not one of the site's languages ({string.Join(", ", languages.Select(l => l.Code))}). Use one of them, or add '{text}' to 'languages' in {SiteLayout.SettingsFile}.");
            return "";
        }

        /// <summary>The site-relative path of another input file, written from the site or from input/: articles/x.md → input/articles/x.md.</summary>
        public string SourcePath(string key)
        {
            var text = Text(key).Replace('\\', '/').TrimStart('/');
            if (text.Length == 0)
            {
                return "";
            }

            return text.StartsWith(SiteLayout.InputFolder + "/", StringComparison.Ordinal) ? text : SiteLayout.InputFolder + "/" + text;
        }

        public bool Bool(string key)
        {
            var text = Text(key);
            if (text.Length == 0)
            {
                return false;
            }

            if (bool.TryParse(text, out var result))
            {
                return result;
            }

            WrongType(key, values[key], "true or false");
            return false;
        }

        public int Int(string key)
        {
            var text = Text(key);
            if (text.Length == 0)
            {
                return 0;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result))
            {
                return result;
            }

            WrongType(key, values[key], "a whole number");
            return 0;
        }

        public DateTimeOffset? Date(string key, TimeZoneInfo zone)
        {
            if (!values.TryGetValue(key, out var value))
            {
                return null;
            }

            var text = Text(key);
            if (Dates.TryParse(text, zone, out var date, out var outOfRange))
            {
                return date;
            }

            if (outOfRange)
            {
                Failed = true;
                diagnostics.Error(value.Path, value.Line, value.Column, DiagnosticCodes.DateOutOfRange,
                    $"'{key}' is '{text}', which is outside the dates Digest supports (0001-01-02 to 9999-12-30 in UTC). Write the date the story was published.");
            }
            else if (value.Node is YamlScalarNode)
            {
                Failed = true;
                diagnostics.Error(value.Path, value.Line, value.Column, DiagnosticCodes.InvalidDate,
                    $"'{key}' is '{text}', which is not a date. Write an ISO 8601 date such as 2026-11-03 or 2026-11-03T09:15:00+04:00.");
            }

            return null;
        }

        /// <summary>A list, a single string, or a comma-separated string; the first key present wins.</summary>
        public string[] List(params string[] keys)
        {
            foreach (var key in keys)
            {
                if (!values.TryGetValue(key, out var value))
                {
                    continue;
                }

                switch (value.Node)
                {
                    case YamlScalarNode scalar:
                        return Distinct(SourceText.WithoutControlCharacters(scalar.Value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                    case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                        return Distinct(sequence.Children.Where(c => !YamlValues.IsNull(c)).Select(c => SourceText.WithoutControlCharacters(((YamlScalarNode)c).Value?.Trim() ?? "")));
                    default:
                        WrongType(key, value, "a list like [rail, transport] or a comma-separated text");
                        return [];
                }
            }

            return [];
        }

        /// <summary>The first <paramref name="max"/> items; the rest are dropped with a warning at the key.</summary>
        public string[] Limited(string[] items, int max, string code, params string[] keys)
        {
            if (items.Length <= max)
            {
                return items;
            }

            var key = keys.First(values.ContainsKey);
            var value = values[key];
            diagnostics.Warning(value.Path, value.Line, value.Column, code,
                $"'{key}' lists {items.Length} {keys[0]}, more than the {max} an article may have; the first {max} are kept and the rest dropped. Keep the {keys[0]} that readers will browse by.");
            return items[..max];
        }

        private static string[] Distinct(IEnumerable<string> items) =>
            [.. items.Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

        private void WrongType(string key, FrontMatterValue value, string expected)
        {
            Failed = true;
            var actual = value.Node switch
            {
                YamlMappingNode => "a map",
                YamlSequenceNode sequence when sequence.Children.Any(c => c is not YamlScalarNode) => "a list with a list or map inside",
                YamlSequenceNode => "a list",
                _ => "a text value",
            };
            diagnostics.Error(value.Path, value.Line, value.Column, DiagnosticCodes.WrongType,
                $"'{key}' must be {expected}, but it is {actual}. Change the value of '{key}'.");
        }
    }
}
