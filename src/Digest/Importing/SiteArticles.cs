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
    /// <summary>A lead this long (normalised) is one story's: "YEREVAN, November 24. The border commission will meet…".</summary>
    private const int MinLeadLength = 80;

    /// <summary>A last paragraph this long, with the title, is one story's.</summary>
    private const int MinEndingLength = 20;

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

            foreach (var key in TextKeys(title, matter.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
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

    /// <summary>The keys one story is known by: its link, its text, its lead, its title with its last paragraph.</summary>
    public static IReadOnlyList<string> Keys(ImportedStory story) =>
        [.. story.SourceUrl.Length > 0 ? [UrlKey(story.SourceUrl)] : Array.Empty<string>(), .. TextKeys(story.Title, story.Paragraphs)];

    /// <summary>
    /// The whole text; the lead paragraph alone when it is long enough to be one story's own, which still finds an
    /// article whose end an editor has changed since, or a wire's later version with paragraphs added; and the title with
    /// the last paragraph, which finds the same story laid out another way (its standfirst apart, another dateline), while
    /// two stories of one title ("Daily briefing") stay apart by their endings.
    /// </summary>
    private static IEnumerable<string> TextKeys(string title, IReadOnlyList<string> paragraphs)
    {
        if (TextKey("text:", string.Join("\n\n", paragraphs), 20) is { } text)
        {
            yield return text;
        }

        if (paragraphs.Count > 0 && TextKey("lead:", paragraphs[0], MinLeadLength) is { } lead)
        {
            yield return lead;
        }

        if (paragraphs.Count > 0 && StoryText.Normalize(paragraphs[^1]).Length >= MinEndingLength)
        {
            yield return TextKey("ending:", title + "\n" + paragraphs[^1], 0)!;
        }
    }

    /// <summary>A link without its fragment, scheme case or trailing slash.</summary>
    private static string UrlKey(string url) => "url:" + (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        ? uri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped).TrimEnd('/')
        : url.Trim());

    /// <summary>A fingerprint of normalised text; none for a text too short to tell stories apart.</summary>
    private static string? TextKey(string kind, string markdown, int minLength)
    {
        var text = StoryText.Normalize(markdown);
        return text.Length < minLength ? null : kind + Fingerprint.Of(System.Text.Encoding.UTF8.GetBytes(text)).ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Scalar(FrontMatter matter, string key) =>
        matter.Values.TryGetValue(key, out var value) && value.Node is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } text } ? text.Trim() : "";
}
