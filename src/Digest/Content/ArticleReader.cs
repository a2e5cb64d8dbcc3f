using System.Globalization;
using System.Text.RegularExpressions;
using Digest.Configuration;
using Digest.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Digest.Content;

/// <summary>Reads one Markdown file into an <see cref="Article"/>: a pure function of the file, its folder defaults and the settings.</summary>
internal sealed partial class ArticleReader(SiteSettings settings, MarkdownRenderer markdown, DirectoryDefaults defaults, ContentStore contents)
{
    private static readonly HashSet<string> KnownKeys =
    [
        "title", "date", "updated", "summary", "author", "authors", "source", "source_url", "categories", "category",
        "tags", "slug", "draft", "image", "image_alt", "lang", "layout", "menu_order",
    ];

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
        if (date is null && !values.ContainsKey("date") && prefix.Success)
        {
            date = Dates.InZone(DateTime.ParseExact(prefix.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture), settings.TimeZone);
        }

        if (date is null && !values.ContainsKey("date") && !isPage)
        {
            diagnostics.Error(path, 1, 1, DiagnosticCodes.MissingDate,
                "the front matter has no 'date'. Add a line such as 'date: 2026-11-03T09:15:00+04:00', or name the file YYYY-MM-DD-slug.md.");
        }

        var slug = ReadSlug(fields, isPage, title, prefix.Success ? prefix.Groups["rest"].Value : null, stem, diagnostics);
        var rendered = markdown.Render(frontMatter.Body);
        var summary = fields.Text("summary");
        var layout = fields.Text("layout");
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
            Categories = fields.List("categories", "category"),
            Tags = fields.List("tags"),
            Image = fields.Url("image", allowSitePath: true),
            ImageAlt = fields.Text("image_alt"),
            Lang = fields.Text("lang"),
            Layout = layout.Length == 0 ? null : layout,
            LayoutLine = values.TryGetValue("layout", out var layoutValue) ? layoutValue.Line : 0,
            Draft = fields.Bool("draft"),
            MenuOrder = fields.Int("menu_order"),
            WordCount = rendered.WordCount,
            ReadingMinutes = MarkdownRenderer.ReadingMinutes(rendered.WordCount),
            Params = values.Where(v => !KnownKeys.Contains(v.Key))
                .ToDictionary(v => v.Key, v => YamlValues.ToValue(v.Value.Node), StringComparer.Ordinal),
        };

        return fields.Failed || title.Length == 0 || slug is null || (date is null && !isPage) ? null : article;
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
                return (scalar.Value ?? "").Trim();
            }

            WrongType(key, value, "a single text value");
            return "";
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
            if (Dates.TryParse(text, zone, out var date))
            {
                return date;
            }

            if (value.Node is YamlScalarNode)
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
                        return Distinct((scalar.Value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                    case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                        return Distinct(sequence.Children.Select(c => ((YamlScalarNode)c).Value?.Trim() ?? ""));
                    default:
                        WrongType(key, value, "a list like [rail, transport] or a comma-separated text");
                        return [];
                }
            }

            return [];
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
