using Digest.Hashing;
using Digest.Outputs;
using Digest.SiteModel;
using Digest.Templates;
using Scriban.Runtime;

namespace Digest.Build;

/// <summary>Every HTML page of a site, one <c>*Pages</c> method per kind, in a fixed order.</summary>
internal static class SitePages
{
    /// <param name="search">Whether the site has a search index, and so a search page.</param>
    public static IEnumerable<PageSpec> All(Site site, UrlFunctions urls, bool search) =>
        HomePages(site)
            .Concat(ArticlePages(site, urls))
            .Concat(StandalonePages(site))
            .Concat(TermPages(site, site.Tags, "tag", "Tag"))
            .Concat(TermPages(site, site.Categories, "category", "Category"))
            .Concat(TermIndexPages(site))
            .Concat(site.Settings.Archives ? ArchivePages(site) : [])
            .Concat(search ? [SearchPage(site)] : [])
            .Append(NotFoundPage(site));

    private static IEnumerable<PageSpec> HomePages(Site site) =>
        Paginated(site, "/", site.Articles, "home", "home", site.Settings.Title, site.Settings.Description, [], () => new Fingerprint(), null);

    private static IEnumerable<PageSpec> ArticlePages(Site site, UrlFunctions urls) =>
        site.Articles.Select(article => new PageSpec(article.Url, article.Source.Layout ?? "article", article.Source.SourcePath,
            article.Source.Updated ?? article.Source.Date, true, () => [article, article.Older, article.Newer, .. article.Related], () => [], () => new Fingerprint(),
            model => Globals(site, "article", article.Url, article.Source.Title, article.Source.Summary,
                image: article.Source.Image, ogType: "article", lang: article.Source.Lang,
                jsonLd: JsonLd.NewsArticle(article, urls, site.Settings.Title),
                extra: g => g["article"] = model.Full(article))));

    private static IEnumerable<PageSpec> StandalonePages(Site site) =>
        site.Pages.Select(page => new PageSpec(page.Url, page.Source.Layout ?? "page", page.Source.SourcePath,
            page.Source.Updated ?? page.Source.Date, true, () => [page], () => [], () => new Fingerprint(),
            model => Globals(site, "page", page.Url, page.Source.Title, page.Source.Summary,
                image: page.Source.Image, lang: page.Source.Lang,
                extra: g => g["article"] = model.Summary(page))));

    private static IEnumerable<PageSpec> TermPages(Site site, IReadOnlyList<Term> terms, string kind, string label) =>
        terms.SelectMany(term => Paginated(site, term.Url, term.Articles, kind, kind, $"{label}: {term.Name}",
            $"{term.Articles.Count} articles under {term.Name}.", [term], () => new Fingerprint(), (model, g) =>
            {
                g["term"] = model.Term(term);
                var page = (ScriptObject)g["page"]!;
                page["feed_url"] = site.Settings.TermFeeds ? term.FeedUrl : "";
                page["feed_title"] = site.Settings.TermFeeds ? $"{site.Settings.Title}: {term.Name}" : "";
            }));

    private static IEnumerable<PageSpec> TermIndexPages(Site site) =>
    [
        TermIndex(site, "/tags/", "tags", "Tags", site.Tags),
        TermIndex(site, "/categories/", "categories", "Categories", site.Categories),
    ];

    private static PageSpec TermIndex(Site site, string url, string kind, string title, IReadOnlyList<Term> terms) =>
        new(url, kind, url, Newest(site.Articles), true, () => [], () => terms, () => new Fingerprint(),
            model => Globals(site, kind, url, title, $"{title} of {site.Settings.Title}.",
                extra: g => g["terms"] = model.Terms(terms)));

    private static IEnumerable<PageSpec> ArchivePages(Site site) =>
        site.Days.Concat(site.Months).Concat(site.Years).SelectMany(archive =>
        {
            var kind = archive.Kind.ToString().ToLowerInvariant();
            var title = archive.Kind == ArchiveKind.Day ? $"Edition of {archive.Title}" : $"Archive: {archive.Title}";
            return Paginated(site, archive.Url, archive.Articles, kind, kind, title,
                $"{archive.Articles.Count} articles from {archive.Title}.", [], () => new Fingerprint().AddHash(ModelKeys.Of(archive)), (_, g) => g["archive"] = TemplateModel.Archive(archive));
        });

    /// <summary>Results come from the index in the browser: the page is the same whatever the articles, and not for search engines.</summary>
    private static PageSpec SearchPage(Site site) =>
        new(TemplateModel.SearchUrl, "search", TemplateModel.SearchUrl, null, false, () => [], () => [], () => new Fingerprint(),
            _ => Globals(site, "search", TemplateModel.SearchUrl, "Search", $"Search the articles of {site.Settings.Title}."));

    private static PageSpec NotFoundPage(Site site) =>
        new("/404.html", "404", "/404.html", null, false, () => [], () => [], () => new Fingerprint(),
            _ => Globals(site, "404", "/404.html", "Page not found", "The page you asked for does not exist."));

    private static IEnumerable<PageSpec> Paginated(Site site, string baseUrl, IReadOnlyList<SiteArticle> articles, string layout,
        string kind, string title, string description, IReadOnlyList<Term> terms, Func<Fingerprint> listKey, Action<TemplateModel, ScriptObject>? extra) =>
        Pagination.Paginate(baseUrl, articles.Count, site.Settings.PageSize).Select(pagination =>
        {
            var pageTitle = pagination.PageNumber > 1 ? $"{title} (page {pagination.PageNumber})" : title;
            var slice = pagination.Slice(articles);
            return new PageSpec(pagination.Url, layout, pagination.Url, Newest(slice), true, () => slice, () => terms, () => listKey().Add(articles.Count), model =>
                Globals(site, kind, pagination.Url, pageTitle, description, extra: g =>
                {
                    g["paginator"] = model.Paginator(pagination, articles);
                    extra?.Invoke(model, g);
                }));
        });

    private static DateTimeOffset? Newest(IReadOnlyList<SiteArticle> articles) =>
        articles.Count == 0 ? null : articles.Max(a => a.Source.Updated ?? a.Source.Date);

    private static ScriptObject Globals(Site site, string kind, string url, string title, string description,
        string image = "", string ogType = "website", string lang = "", string jsonLd = "", Action<ScriptObject>? extra = null)
    {
        var globals = new ScriptObject
        {
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
                ["feed_title"] = "",
                ["lang"] = lang.Length > 0 ? lang : site.Settings.Language,
            },
        };
        extra?.Invoke(globals);
        return globals;
    }
}
