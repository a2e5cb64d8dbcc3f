using Digest.Hashing;
using Digest.Localization;
using Digest.Outputs;
using Digest.SiteModel;
using Digest.Templates;
using Scriban.Runtime;

namespace Digest.Build;

/// <summary>Every HTML page of a site, one <c>*Pages</c> method per kind, edition by edition, in a fixed order.</summary>
internal static class SitePages
{
    /// <param name="search">Whether the site has a search index, and so a search page per edition.</param>
    public static IEnumerable<PageSpec> All(Site site, UrlFunctions urls, Translations translations, bool search) =>
        site.Editions.SelectMany(edition => EditionPages(site, edition, urls, translations.For(edition.Code), search))
            .Append(NotFoundPage(site, translations.For(site.Editions[0].Code)));

    private static IEnumerable<PageSpec> EditionPages(Site site, Edition edition, UrlFunctions urls, UiStrings strings, bool search) =>
        HomePages(site, edition, strings)
            .Concat(ArticlePages(site, edition, urls))
            .Concat(StandalonePages(site, edition))
            .Concat(TermPages(site, edition, edition.Tags, "tag", strings))
            .Concat(TermPages(site, edition, edition.Categories, "category", strings))
            .Concat(TermIndexPages(site, edition, strings))
            .Concat(site.Settings.Archives ? ArchivePages(site, edition, strings) : [])
            .Concat(search ? [SearchPage(site, edition, strings)] : []);

    /// <summary>The title of a term's feed: "South Caucasus Digest: Economy".</summary>
    public static string TermFeedTitle(UiStrings strings, string siteTitle, Term term) =>
        strings.Text("term_feed_title", new Dictionary<string, string> { ["site"] = siteTitle, ["name"] = term.Name }) ?? siteTitle + ": " + term.Name;

    private static IEnumerable<PageSpec> HomePages(Site site, Edition edition, UiStrings strings) =>
        Paginated(site, edition, strings, edition.Url("/"), edition.Articles, "home", "home", edition.Language.Title, edition.Language.Description, [],
            () => new Fingerprint(), Alternates(site, edition, e => e.Url("/")), null);

    private static IEnumerable<PageSpec> ArticlePages(Site site, Edition edition, UrlFunctions urls) =>
        edition.Articles.Select(article => new PageSpec(article.Url, article.Source.Layout ?? "article", article.Source.SourcePath,
            article.Source.Updated ?? article.Source.Date, true, () => [article, article.Older, article.Newer, .. article.Related, .. article.Translations],
            () => [], () => new Fingerprint(),
            model => Globals(site, edition, model, "article", article.Url, article.Source.Title, article.Source.Summary,
                image: article.Source.Image, ogType: "article", lang: article.LanguageCode,
                jsonLd: JsonLd.NewsArticle(site, article, urls, edition.Language.Title),
                alternates: ArticleAlternates(article),
                extra: g => g["article"] = model.Full(article))));

    private static IEnumerable<PageSpec> StandalonePages(Site site, Edition edition) =>
        edition.Pages.Select(page => new PageSpec(page.Url, page.Source.Layout ?? "page", page.Source.SourcePath,
            page.Source.Updated ?? page.Source.Date, true, () => [page, .. page.Translations], () => [], () => new Fingerprint(),
            model => Globals(site, edition, model, "page", page.Url, page.Source.Title, page.Source.Summary,
                image: page.Source.Image, lang: page.LanguageCode, alternates: ArticleAlternates(page),
                extra: g => g["article"] = model.Summary(page))));

    private static IEnumerable<PageSpec> TermPages(Site site, Edition edition, IReadOnlyList<Term> terms, string kind, UiStrings strings) =>
        terms.SelectMany(term =>
        {
            var names = new Dictionary<string, string> { ["name"] = term.Name };
            var alternates = Alternates(site, edition, e => e.Term(term.Kind, term.Slug)?.Url);
            return Paginated(site, edition, strings, term.Url, term.Articles, kind, kind, strings.Text(kind + "_title", names) ?? term.Name,
                strings.Text("term_description", names) ?? "", [term], () => new Fingerprint(), alternates, (model, g) =>
                {
                    g["term"] = model.Term(term);
                    var page = (ScriptObject)g["page"]!;
                    page["feed_url"] = site.Settings.TermFeeds ? term.FeedUrl : "";
                    page["rss_url"] = site.Settings.TermFeeds ? term.RssUrl : "";
                    page["json_feed_url"] = site.Settings.TermFeeds ? term.JsonFeedUrl : "";
                    page["feed_title"] = site.Settings.TermFeeds ? TermFeedTitle(strings, edition.Language.Title, term) : "";
                });
        });

    private static IEnumerable<PageSpec> TermIndexPages(Site site, Edition edition, UiStrings strings) =>
    [
        TermIndex(site, edition, strings, "/tags/", "tags", edition.Tags),
        TermIndex(site, edition, strings, "/categories/", "categories", edition.Categories),
    ];

    private static PageSpec TermIndex(Site site, Edition edition, UiStrings strings, string path, string kind, IReadOnlyList<Term> terms)
    {
        var url = edition.Url(path);
        var title = strings.Text(kind) ?? kind;
        var description = strings.Text("term_index_description", new Dictionary<string, string> { ["title"] = title, ["site"] = edition.Language.Title }) ?? "";
        return new(url, kind, url, Newest(edition.Articles), true, () => [], () => terms, () => new Fingerprint(),
            model => Globals(site, edition, model, kind, url, title, description, alternates: Alternates(site, edition, e => e.Url(path)),
                extra: g => g["terms"] = model.Terms(terms)));
    }

    private static IEnumerable<PageSpec> ArchivePages(Site site, Edition edition, UiStrings strings) =>
        edition.Days.Concat(edition.Months).Concat(edition.Years).SelectMany(archive =>
        {
            var kind = archive.Kind.ToString().ToLowerInvariant();
            var date = new Dictionary<string, string> { ["date"] = archive.Title(strings) };
            var (titleKey, descriptionKey) = archive.Kind == ArchiveKind.Day ? ("edition_title", "edition_description") : ("archive_title", "archive_description");
            var alternates = Alternates(site, edition, e => e.Archive(archive.Kind, archive.Date)?.Url);
            return Paginated(site, edition, strings, archive.Url, archive.Articles, kind, kind, strings.Text(titleKey, date) ?? date["date"],
                strings.Text(descriptionKey, date) ?? "", [], () => new Fingerprint().AddHash(ModelKeys.Of(archive)), alternates,
                (_, g) => g["archive"] = TemplateModel.Archive(archive, strings));
        });

    /// <summary>Results come from the index in the browser: the page is the same whatever the articles, and not for search engines.</summary>
    private static PageSpec SearchPage(Site site, Edition edition, UiStrings strings)
    {
        var url = edition.Url(TemplateModel.SearchUrl);
        return new(url, "search", url, null, false, () => [], () => [], () => new Fingerprint(),
            model => Globals(site, edition, model, "search", url, strings.Text("search") ?? "",
                strings.Text("search_description", new Dictionary<string, string> { ["title"] = edition.Language.Title }) ?? "",
                alternates: Alternates(site, edition, e => e.Url(TemplateModel.SearchUrl))));
    }

    private static PageSpec NotFoundPage(Site site, UiStrings strings) =>
        new("/404.html", "404", "/404.html", null, false, () => [], () => [], () => new Fingerprint(),
            model => Globals(site, site.Editions[0], model, "404", "/404.html", strings.Text("not_found_title") ?? "", strings.Text("not_found_description") ?? ""));

    /// <param name="all">The list's articles; with <c>stories: {lists: stories}</c>, one entry per story is shown of them.</param>
    private static IEnumerable<PageSpec> Paginated(Site site, Edition edition, UiStrings strings, string baseUrl, IReadOnlyList<SiteArticle> all,
        string layout, string kind, string title, string description, IReadOnlyList<Term> terms, Func<Fingerprint> listKey,
        IReadOnlyList<(string Lang, string Url)> alternates, Action<TemplateModel, ScriptObject>? extra)
    {
        var articles = site.Settings.Stories.OneEntryPerStory ? Story.OneEntryEach(all) : all;
        return Pagination.Paginate(baseUrl, articles.Count, site.Settings.PageSize).Select(pagination =>
        {
            var pageTitle = pagination.PageNumber > 1
                ? strings.Text("page_title_numbered", new Dictionary<string, string> { ["title"] = title, ["number"] = strings.Number(pagination.PageNumber) }) ?? title
                : title;
            var slice = pagination.Slice(articles);
            // Only a list's first page has translations: the other editions' lists have pages of their own length.
            IReadOnlyList<(string, string)> pageAlternates = pagination.PageNumber == 1 ? alternates : [];
            return new PageSpec(pagination.Url, layout, pagination.Url, Newest(slice), true, () => slice, () => terms, () => WithAlternates(listKey().Add(articles.Count), pageAlternates), model =>
                Globals(site, edition, model, kind, pagination.Url, pageTitle, description, alternates: pageAlternates, extra: g =>
                {
                    g["paginator"] = model.Paginator(pagination, articles);
                    extra?.Invoke(model, g);
                }));
        });
    }

    /// <summary>The same page in each other edition that has one: <paramref name="urlIn"/> gives its URL there, or null.</summary>
    private static List<(string Lang, string Url)> Alternates(Site site, Edition edition, Func<Edition, string?> urlIn) =>
        [.. site.Editions.Where(e => e != edition).Select(e => (e.Code, Url: urlIn(e))).Where(a => a.Url is not null).Select(a => (a.Code, a.Url!))];

    /// <summary>Another edition's page of the same list comes and goes with that edition's articles, not this list's.</summary>
    private static Fingerprint WithAlternates(Fingerprint key, IReadOnlyList<(string Lang, string Url)> alternates)
    {
        foreach (var (lang, url) in alternates)
        {
            key.Add(lang).Add(url);
        }

        return key;
    }

    private static List<(string Lang, string Url)> ArticleAlternates(SiteArticle article) =>
        [.. article.Translations.Select(t => (t.LanguageCode, t.Url))];

    private static DateTimeOffset? Newest(IReadOnlyList<SiteArticle> articles) =>
        articles.Count == 0 ? null : articles.Max(a => a.Source.Updated ?? a.Source.Date);

    private static ScriptObject Globals(Site site, Edition edition, TemplateModel model, string kind, string url, string title, string description,
        string image = "", string ogType = "website", string lang = "", string jsonLd = "",
        IReadOnlyList<(string Lang, string Url)>? alternates = null, Action<ScriptObject>? extra = null)
    {
        var globals = new ScriptObject
        {
            ["site"] = model.SiteObject(edition),
            ["page"] = new ScriptObject
            {
                ["kind"] = kind,
                ["title"] = title,
                ["description"] = description,
                ["url"] = url,
                ["image"] = image,
                ["og_type"] = ogType,
                ["json_ld"] = jsonLd,
                ["feed_url"] = "",
                ["rss_url"] = "",
                ["json_feed_url"] = "",
                ["feed_title"] = "",
                ["lang"] = lang.Length > 0 ? lang : edition.Code,
                // hreflang links: this page in the site's other languages.
                ["alternates"] = new ScriptArray((alternates ?? []).Select(a => new ScriptObject
                {
                    ["lang"] = a.Lang,
                    ["url"] = a.Url,
                    ["language_name"] = model.Strings(a.Lang).Name,
                })),
            },
        };
        extra?.Invoke(globals);
        return globals;
    }
}
