using Digest.Content;
using Digest.Localization;
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
    private readonly Translations _translations;
    private readonly Dictionary<Edition, ScriptObject> _siteObjects;
    private readonly Dictionary<Story, SharedScriptObject> _stories;

    /// <param name="search">Whether the site has a search index and pages (<c>site.search</c>).</param>
    public TemplateModel(Site site, string generator, Translations translations, bool search)
    {
        _site = site;
        _translations = translations;
        _terms = site.Terms.ToDictionary(t => t, t => TermObject(t, site.Settings.TermFeeds, withCount: true));
        _termsOfArticles = site.Terms.ToDictionary(t => t, t => TermObject(t, site.Settings.TermFeeds, withCount: false));
        _articles = new ScriptObject[site.Articles.Count];
        _stories = site.Stories.ToDictionary(s => s, StoryObject);
        _siteObjects = site.Editions.ToDictionary(e => e, e => (ScriptObject)CreateSiteObject(e, generator, search));
    }

    /// <summary>What <c>site</c> is on the pages of an edition: the site as its readers in that language see it.</summary>
    public ScriptObject SiteObject(Edition edition) => _siteObjects[edition];

    /// <summary>Every edition's <c>site</c>, in the editions' order.</summary>
    public IEnumerable<ScriptObject> SiteObjects => _site.Editions.Select(e => _siteObjects[e]);

    /// <summary>The interface text of a language.</summary>
    public UiStrings Strings(string language) => _translations.For(language);

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

    public static ScriptObject Archive(Archive archive, UiStrings strings) => new()
    {
        ["kind"] = archive.Kind.ToString().ToLowerInvariant(),
        ["title"] = archive.Title(strings),
        ["date_iso"] = archive.DateIso,
        ["url"] = archive.Url,
        ["parent_url"] = archive.Parent?.Url ?? "",
        ["children"] = new ScriptArray(archive.Children.Select(c => new ScriptObject
        {
            ["title"] = c.Title(strings),
            ["url"] = c.Url,
            ["count"] = c.Articles.Count,
        })),
        ["previous_url"] = archive.Older?.Url ?? "",
        ["next_url"] = archive.Newer?.Url ?? "",
    };

    private SharedScriptObject CreateSiteObject(Edition edition, string generator, bool search)
    {
        var settings = _site.Settings;
        return new SharedScriptObject
        {
            ["title"] = edition.Language.Title,
            ["description"] = edition.Language.Description,
            ["language"] = edition.Code,
            ["author"] = settings.Author,
            ["copyright"] = settings.Copyright,
            ["base_url"] = settings.BaseUrl.AbsoluteUri,
            ["pages"] = new ScriptArray(edition.Pages.Select(ArticleObject)),
            ["home_url"] = edition.Url("/"),
            ["tags_url"] = edition.Url("/tags/"),
            ["categories_url"] = edition.Url("/categories/"),
            ["feed_url"] = edition.Url("/feed.xml"),
            ["rss_url"] = edition.Url("/rss.xml"),
            ["json_feed_url"] = edition.Url("/feed.json"),
            ["generator"] = generator,
            ["build_year"] = _site.Articles.Count > 0 ? _site.Articles[0].LocalDate.Year : 0,
            ["params"] = Map(settings.Params),
            // Only a site in several languages has editions to switch between.
            ["languages"] = new ScriptArray(_site.Editions.Count < 2 ? [] : _site.Editions.Select(e => new ScriptObject
            {
                ["code"] = e.Code,
                ["name"] = _translations.For(e.Code).Name,
                ["url"] = e.Url("/"),
                ["current"] = e == edition,
            })),
            ["search"] = search,
            ["search_url"] = search ? edition.Url(SearchUrl) : "",
        };
    }

    private ScriptObject ArticleObject(SiteArticle article)
    {
        var source = article.Source;
        var strings = _translations.For(article.LanguageCode);
        var date = source.Date is { } d ? TimeZoneInfo.ConvertTime(d, _site.Settings.TimeZone) : (DateTimeOffset?)null;
        var updated = source.Updated is { } u ? TimeZoneInfo.ConvertTime(u, _site.Settings.TimeZone) : (DateTimeOffset?)null;
        return new SharedScriptObject
        {
            ["title"] = source.Title,
            ["url"] = article.Url,
            ["slug"] = source.Slug,
            ["summary"] = source.Summary,
            ["content"] = source.Content,
            // The time on the site's clock, as a DateTime: what Scriban's date functions take.
            ["date"] = date?.DateTime,
            ["date_iso"] = date is { } di ? Dates.ToRfc3339(di) : "",
            ["date_text"] = date is { } dt ? strings.Date(dt.DateTime) : "",
            ["time_text"] = date is { } tt ? strings.Time(tt.DateTime) : "",
            ["updated"] = updated?.DateTime,
            ["updated_iso"] = updated is { } ui ? Dates.ToRfc3339(ui) : "",
            ["updated_text"] = updated is { } ut ? strings.Date(ut.DateTime) : "",
            ["authors"] = new ScriptArray(source.Authors),
            ["source"] = source.Source,
            ["source_url"] = source.SourceUrl,
            ["categories"] = new ScriptArray(article.Categories.Select(t => _termsOfArticles[t])),
            ["tags"] = new ScriptArray(article.Tags.Select(t => _termsOfArticles[t])),
            ["image"] = source.Image,
            ["image_alt"] = source.ImageAlt,
            ["image_width"] = source.ImageWidth,
            ["image_height"] = source.ImageHeight,
            ["lang"] = article.LanguageCode,
            ["translations"] = new ScriptArray(article.Translations.Select(t => new ScriptObject
            {
                ["lang"] = t.LanguageCode,
                ["language_name"] = _translations.For(t.LanguageCode).Name,
                ["title"] = t.Source.Title,
                ["url"] = t.Url,
            })),
            ["word_count"] = source.WordCount,
            ["reading_minutes"] = source.ReadingMinutes,
            ["reading_time"] = strings.Plural("reading_time", source.ReadingMinutes) ?? "",
            ["edition_url"] = source.IsPage || !_site.Settings.Archives ? "" : article.EditionUrl,
            ["params"] = Map(source.Params),
            ["story"] = article.Story is { } story ? _stories[story] : null,
        };
    }

    /// <summary>
    /// A story as each of its articles shows it: every report's title, source and link, newest first. Reports are plain
    /// objects rather than the articles' summaries, which hold the story in turn.
    /// </summary>
    private SharedScriptObject StoryObject(Story story) => new()
    {
        ["size"] = story.Articles.Count,
        ["articles"] = new ScriptArray(story.Articles.Select(article =>
        {
            var date = TimeZoneInfo.ConvertTime(article.Source.Date!.Value, _site.Settings.TimeZone);
            return new ScriptObject
            {
                ["title"] = article.Source.Title,
                ["url"] = article.Url,
                ["source"] = article.Source.Source,
                ["source_url"] = article.Source.SourceUrl,
                ["date_iso"] = Dates.ToRfc3339(date),
                ["date_text"] = _translations.For(article.LanguageCode).Date(date.DateTime),
                ["lang"] = article.LanguageCode,
            };
        })),
    };

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
            ["rss_url"] = withFeed ? term.RssUrl : "",
            ["json_feed_url"] = withFeed ? term.JsonFeedUrl : "",
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
