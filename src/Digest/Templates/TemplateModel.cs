using Digest.Content;
using Digest.SiteModel;
using Scriban.Runtime;

namespace Digest.Templates;

/// <summary>
/// What templates see (documented in docs/theming.md): snake_case script objects built from the site model.
/// Objects shared by many pages are built once, when first used: a build that renders few pages builds few.
/// </summary>
public sealed class TemplateModel
{
    private readonly Site _site;
    private readonly ScriptObject?[] _articles;
    private readonly Dictionary<Term, SharedScriptObject> _terms;
    private readonly Dictionary<Term, SharedScriptObject> _termsOfArticles;

    /// <param name="search">Whether the site has a search index and page (<c>site.search</c>).</param>
    public TemplateModel(Site site, string generator, bool search)
    {
        _site = site;
        _terms = site.Tags.Concat(site.Categories).ToDictionary(t => t, t => TermObject(t, site.Settings.TermFeeds, withCount: true));
        _termsOfArticles = site.Tags.Concat(site.Categories).ToDictionary(t => t, t => TermObject(t, site.Settings.TermFeeds, withCount: false));
        _articles = new ScriptObject[site.Articles.Count];
        SiteObject = CreateSiteObject(generator, search);
    }

    public ScriptObject SiteObject { get; }

    /// <summary>The search page, when the site has one.</summary>
    public const string SearchUrl = "/search/";

    /// <summary>An article in a list, or a neighbour: no previous, next or related of its own.</summary>
    public ScriptObject Summary(SiteArticle article)
    {
        if (article.Source.IsPage)
        {
            return ArticleObject(article);
        }

        ref var slot = ref _articles[article.Index];
        if (Volatile.Read(ref slot) is { } built)
        {
            return built;
        }

        // Two threads may build the same summary at once: both then use the one stored first.
        var created = ArticleObject(article);
        return Interlocked.CompareExchange(ref slot, created, null) ?? created;
    }

    /// <summary>The article of its own page, with previous, next and related.</summary>
    public ScriptObject Full(SiteArticle article)
    {
        var full = new SharedScriptObject();
        Summary(article).CopyTo(full);
        full["previous"] = article.Older is null ? null : Summary(article.Older);
        full["next"] = article.Newer is null ? null : Summary(article.Newer);
        full["related"] = List(article.Related);
        return full;
    }

    public ScriptObject Term(Term term) => _terms[term];

    public ScriptArray Terms(IEnumerable<Term> terms) => new(terms.Select(Term));

    public ScriptArray List(IEnumerable<SiteArticle> articles) => new(articles.Select(Summary));

    public ScriptObject Paginator(Pagination pagination, IReadOnlyList<SiteArticle> all) => new()
    {
        ["items"] = List(pagination.Slice(all)),
        ["page_number"] = pagination.PageNumber,
        ["total_pages"] = pagination.TotalPages,
        ["total_items"] = pagination.TotalItems,
        ["page_size"] = pagination.PageSize,
        ["previous_url"] = pagination.PreviousUrl,
        ["next_url"] = pagination.NextUrl,
        ["first_url"] = pagination.FirstUrl,
    };

    public static ScriptObject Archive(Archive archive) => new()
    {
        ["kind"] = archive.Kind.ToString().ToLowerInvariant(),
        ["title"] = archive.Title,
        ["date_iso"] = archive.DateIso,
        ["url"] = archive.Url,
        ["parent_url"] = archive.Parent?.Url ?? "",
        ["children"] = new ScriptArray(archive.Children.Select(c => new ScriptObject
        {
            ["title"] = c.Title,
            ["url"] = c.Url,
            ["count"] = c.Articles.Count,
        })),
        ["previous_url"] = archive.Older?.Url ?? "",
        ["next_url"] = archive.Newer?.Url ?? "",
    };

    private SharedScriptObject CreateSiteObject(string generator, bool search)
    {
        var settings = _site.Settings;
        return new SharedScriptObject
        {
            ["title"] = settings.Title,
            ["description"] = settings.Description,
            ["language"] = settings.Language,
            ["author"] = settings.Author,
            ["copyright"] = settings.Copyright,
            ["base_url"] = settings.BaseUrl.AbsoluteUri,
            ["pages"] = new ScriptArray(_site.Pages.Select(ArticleObject)),
            ["feed_url"] = "/feed.xml",
            ["rss_url"] = "/rss.xml",
            ["json_feed_url"] = "/feed.json",
            ["generator"] = generator,
            ["build_year"] = _site.Articles.Count > 0 ? _site.Articles[0].LocalDate.Year : 0,
            ["params"] = Map(settings.Params),
            ["search"] = search,
            ["search_url"] = search ? SearchUrl : "",
        };
    }

    private ScriptObject ArticleObject(SiteArticle article)
    {
        var source = article.Source;
        var date = source.Date is { } d ? TimeZoneInfo.ConvertTime(d, _site.Settings.TimeZone) : (DateTimeOffset?)null;
        var updated = source.Updated is { } u ? TimeZoneInfo.ConvertTime(u, _site.Settings.TimeZone) : (DateTimeOffset?)null;
        return new SharedScriptObject
        {
            ["title"] = source.Title,
            ["url"] = article.Url,
            ["slug"] = source.Slug,
            ["summary"] = source.Summary,
            ["content"] = source.Content,
            ["date"] = date,
            ["date_iso"] = date is { } di ? Dates.ToRfc3339(di) : "",
            ["date_text"] = date is { } dt ? Dates.ToText(dt) : "",
            ["updated"] = updated,
            ["updated_iso"] = updated is { } ui ? Dates.ToRfc3339(ui) : "",
            ["updated_text"] = updated is { } ut ? Dates.ToText(ut) : "",
            ["authors"] = new ScriptArray(source.Authors),
            ["source"] = source.Source,
            ["source_url"] = source.SourceUrl,
            ["categories"] = new ScriptArray(article.Categories.Select(t => _termsOfArticles[t])),
            ["tags"] = new ScriptArray(article.Tags.Select(t => _termsOfArticles[t])),
            ["image"] = source.Image,
            ["image_alt"] = source.ImageAlt,
            ["lang"] = source.Lang,
            ["word_count"] = source.WordCount,
            ["reading_minutes"] = source.ReadingMinutes,
            ["edition_url"] = source.IsPage || !_site.Settings.Archives ? "" : article.EditionUrl,
            ["params"] = Map(source.Params),
        };
    }

    /// <param name="withCount">
    /// False for the terms of an article: with its count, every page that shows an article would change whenever any
    /// article joined or left one of its terms.
    /// </param>
    private static SharedScriptObject TermObject(Term term, bool withFeed, bool withCount)
    {
        var termObject = new SharedScriptObject
        {
            ["name"] = term.Name,
            ["slug"] = term.Slug,
            ["url"] = term.Url,
            ["feed_url"] = withFeed ? term.FeedUrl : "",
        };
        if (withCount)
        {
            termObject["count"] = term.Articles.Count;
        }

        return termObject;
    }

    private static object? ToScriptValue(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => Map(map),
        List<object?> list => new ScriptArray(list.Select(ToScriptValue)),
        _ => value,
    };

    private static ScriptObject Map(IEnumerable<KeyValuePair<string, object?>> map)
    {
        var result = new ScriptObject();
        foreach (var (key, value) in map)
        {
            result[key] = ToScriptValue(value);
        }

        return result;
    }
}
