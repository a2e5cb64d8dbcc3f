using System.Collections.Concurrent;
using Digest.Configuration;
using Digest.Content;
using Digest.Diagnostics;
using Digest.Files;
using Digest.Hashing;

namespace Digest.Importing;

/// <summary>
/// What the site holds already, as an import must know it: which stories (by <c>source_url</c> and by normalised text)
/// are in which file, and which day and slug each article's URL takes. Files that do not parse are left to the build
/// to report.
/// </summary>
public sealed class SiteArticles
{
    private readonly ConcurrentDictionary<string, string> _stories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(DateOnly Day, string Slug), byte> _urls = new();

    /// <summary>The articles under <c>input/</c>, read in parallel.</summary>
    public static SiteArticles Scan(string siteDirectory, SiteSettings settings)
    {
        var index = new SiteArticles();
        var ignored = new DiagnosticBag();
        var files = InputFiles.Scan(siteDirectory, ignored, followLinksOutside: settings.FollowLinksOutside);
        Parallel.ForEach(files.Articles, path =>
        {
            if (InputFiles.Read(siteDirectory, path, ignored) is not { } bytes
                || SourceText.Decode(bytes, path, ignored) is not { } text
                || FrontMatter.Parse(text, path, ignored) is not { } matter)
            {
                return;
            }

            var title = Scalar(matter, "title");
            if (Scalar(matter, "source_url") is { Length: > 0 } url)
            {
                index._stories.TryAdd(UrlKey(url), path);
            }

            if (TextKey(matter.Body) is { } key)
            {
                index._stories.TryAdd(key, path);
            }

            if (Dates.TryParse(Scalar(matter, "date"), settings.TimeZone, out var date))
            {
                var slug = Scalar(matter, "slug") is { Length: > 0 } given ? given : Slugs.Slugify(title);
                index._urls.TryAdd((DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(date, settings.TimeZone).DateTime), slug), 0);
            }
        });
        return index;
    }

    /// <summary>The file that holds the same story, or null.</summary>
    public string? Find(IEnumerable<string> keys) => keys.Select(k => _stories.GetValueOrDefault(k)).FirstOrDefault(p => p is not null);

    /// <summary>Whether an article of the site takes this day and slug.</summary>
    public bool TakesUrl(DateOnly day, string slug) => _urls.ContainsKey((day, slug));

    /// <summary>Records a story written by this import, so that the rest of the batch sees it.</summary>
    public void Add(IEnumerable<string> keys, string path, DateOnly day, string slug)
    {
        foreach (var key in keys)
        {
            _stories.TryAdd(key, path);
        }

        _urls.TryAdd((day, slug), 0);
    }

    /// <summary>The keys one story is known by: its link, and its text.</summary>
    public static IReadOnlyList<string> Keys(ImportedStory story)
    {
        var keys = new List<string>(2);
        if (story.SourceUrl.Length > 0)
        {
            keys.Add(UrlKey(story.SourceUrl));
        }

        if (TextKey(string.Join("\n\n", story.Paragraphs)) is { } text)
        {
            keys.Add(text);
        }

        return keys;
    }

    /// <summary>A link without its fragment, scheme case or trailing slash.</summary>
    private static string UrlKey(string url) => "url:" + (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        ? uri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped).TrimEnd('/')
        : url.Trim());

    /// <summary>A fingerprint of the normalised body; none for a body too short to tell stories apart.</summary>
    private static string? TextKey(string markdown)
    {
        var text = StoryText.Normalize(markdown);
        return text.Length < 20 ? null : "text:" + Fingerprint.Of(System.Text.Encoding.UTF8.GetBytes(text)).ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Scalar(FrontMatter matter, string key) =>
        matter.Values.TryGetValue(key, out var value) && value.Node is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } text } ? text.Trim() : "";
}
