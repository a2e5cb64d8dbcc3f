using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace Digest.Publishing.Tests.Crawling;

/// <summary>
/// Crawls a served site as a visitor's browser and a feed reader would: from the seeds it fetches every link and
/// asset it finds (HTML href, src, srcset and Open Graph URLs; CSS url(); feed and sitemap links), parsing HTML
/// with AngleSharp — a parser independent of <c>digest check</c> — and records every fetch that fails.
/// </summary>
internal sealed partial class SiteCrawler(Uri served, string publishedBaseUrl) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = true });
    private readonly HashSet<Uri> _seen = [];
    private readonly Queue<(Uri Url, string From)> _queue = new();

    public List<string> Broken { get; } = [];
    public HashSet<Uri> Pages { get; } = [];

    public void Dispose() => _http.Dispose();

    public async Task CrawlAsync(params (Uri Url, HttpStatusCode Expected)[] seeds)
    {
        foreach (var (url, expected) in seeds)
        {
            _seen.Add(url);
            await VisitAsync(url, "(seed)", expected);
        }

        while (_queue.TryDequeue(out var next))
        {
            await VisitAsync(next.Url, next.From, HttpStatusCode.OK);
        }
    }

    private async Task VisitAsync(Uri url, string from, HttpStatusCode expected)
    {
        using var response = await _http.GetAsync(url);
        if (response.StatusCode != expected)
        {
            Broken.Add($"{from} → {url}: {(int)response.StatusCode}");
            return;
        }

        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        var body = await response.Content.ReadAsStringAsync();
        var final = response.RequestMessage?.RequestUri ?? url;
        IEnumerable<string> links = type switch
        {
            "text/html" => HtmlLinks(body),
            "text/css" => CssUrl().Matches(body).Select(m => m.Groups["url"].Value),
            "application/xml" or "text/xml" or "application/atom+xml" or "application/rss+xml" => XmlLinks(body),
            "application/json" or "application/feed+json" => JsonLinks(body),
            _ => [],
        };
        if (type == "text/html")
        {
            Pages.Add(final);
        }

        foreach (var link in links)
        {
            Enqueue(link, final);
        }
    }

    private void Enqueue(string link, Uri page)
    {
        var trimmed = link.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#'))
        {
            return;
        }

        if (trimmed.StartsWith(publishedBaseUrl, StringComparison.Ordinal))
        {
            trimmed = served + trimmed[publishedBaseUrl.Length..];
        }

        if (!Uri.TryCreate(page, trimmed, out var target) || target.Host != served.Host || target.Port != served.Port)
        {
            return; // another site, or mailto:
        }

        target = new UriBuilder(target) { Fragment = "" }.Uri;
        if (_seen.Add(target))
        {
            _queue.Enqueue((target, page.AbsolutePath));
        }
    }

    private static IEnumerable<string> HtmlLinks(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All)
        {
            foreach (var attribute in new[] { "href", "src", "poster" })
            {
                if (element.GetAttribute(attribute) is { } value)
                {
                    yield return value;
                }
            }

            if (element.GetAttribute("srcset") is { } srcset)
            {
                foreach (var candidate in srcset.Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    yield return candidate.Trim().Split(' ')[0];
                }
            }

            if (element.LocalName == "meta" && (element.GetAttribute("property") ?? "").StartsWith("og:", StringComparison.Ordinal)
                && element.GetAttribute("content") is { } content && content.StartsWith("http", StringComparison.Ordinal))
            {
                yield return content;
            }

            if (element.GetAttribute("style") is { } style)
            {
                foreach (Match match in CssUrl().Matches(style))
                {
                    yield return match.Groups["url"].Value;
                }
            }
        }
    }

    private static IEnumerable<string> XmlLinks(string xml)
    {
        var document = XDocument.Parse(xml);
        foreach (var element in document.Descendants())
        {
            if (element.Attribute("href") is { } href)
            {
                yield return href.Value;
            }
            else if (element.Name.LocalName is "loc" or "link" && !element.HasElements)
            {
                yield return element.Value;
            }
        }
    }

    private static List<string> JsonLinks(string json)
    {
        using var document = JsonDocument.Parse(json);
        var urls = new List<string>();
        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is "url" or "home_page_url" or "feed_url" or "image" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        urls.Add(property.Value.GetString()!);
                    }

                    Walk(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }

        Walk(document.RootElement);
        return urls;
    }

    [GeneratedRegex("""url\(\s*['"]?(?<url>[^'")]+)['"]?\s*\)""")]
    private static partial Regex CssUrl();
}
