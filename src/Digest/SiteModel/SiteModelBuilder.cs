using Digest.Configuration;
using Digest.Content;
using Digest.Diagnostics;

namespace Digest.SiteModel;

/// <summary>
/// The barrier stage: from every read article to a new site model. A session's next build may instead revise the last
/// model with <see cref="ModelPatcher"/>; both give the same model.
/// </summary>
public static class SiteModelBuilder
{
    /// <summary>A new model of <paramref name="articles"/>; what it finds wrong (URLs that collide) goes to <paramref name="diagnostics"/>.</summary>
    public static Site Build(IReadOnlyList<Article> articles, SiteSettings settings, DiagnosticBag diagnostics)
    {
        var placed = articles
            .Where(a => !a.IsPage)
            .OrderByDescending(a => a.Date!.Value.UtcDateTime)
            .ThenBy(a => a.SourcePath, StringComparer.Ordinal)
            .Select(a => Place(a, settings))
            .ToList();
        for (var i = 0; i < placed.Count; i++)
        {
            placed[i].Index = i;
        }

        var pages = articles
            .Where(a => a.IsPage)
            .OrderBy(a => a.MenuOrder).ThenBy(a => a.Title, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.SourcePath, StringComparer.Ordinal)
            .Select(a => new SiteArticle(a, UrlOf(a, settings), a.Date is { } d ? TimeZoneInfo.ConvertTime(d, settings.TimeZone) : default, LanguageOf(a, settings)))
            .ToList();

        UrlConflicts.ReportDuplicateUrls(placed.Concat(pages), diagnostics);
        TranslationLinks.Link([.. placed, .. pages], settings, diagnostics);
        var stories = StoryGrouping.Group(placed, settings.Stories);

        var site = new Site
        {
            Settings = settings,
            Articles = placed,
            Pages = pages,
            Editions = [.. settings.Editions.Select(language => Edition(language, placed, pages, settings))],
            Stories = stories,
        };
        UrlConflicts.ReportGeneratedUrls(site, diagnostics);
        return site;
    }

    /// <summary>One language's articles, with their neighbours, terms and related articles in it, and its archives.</summary>
    private static Edition Edition(SiteLanguage language, List<SiteArticle> all, List<SiteArticle> allPages, SiteSettings settings)
    {
        var articles = all.Where(a => a.Language == language).ToList();
        for (var i = 0; i < articles.Count; i++)
        {
            articles[i].Newer = i > 0 ? articles[i - 1] : null;
            articles[i].Older = i + 1 < articles.Count ? articles[i + 1] : null;
        }

        var tags = TermGrouping.Group(articles, TermKind.Tag, language.Prefix, settings.TermAliases, a => a.Source.Tags, (a, terms) => a.Tags = terms);
        var categories = TermGrouping.Group(articles, TermKind.Category, language.Prefix, settings.TermAliases, a => a.Source.Categories, (a, terms) => a.Categories = terms);
        RelatedArticles.Find(all, articles, settings.RelatedCount);

        var days = Archives(articles, ArchiveKind.Day, language.Prefix, d => d);
        var months = Archives(articles, ArchiveKind.Month, language.Prefix, d => new DateOnly(d.Year, d.Month, 1));
        var years = Archives(articles, ArchiveKind.Year, language.Prefix, d => new DateOnly(d.Year, 1, 1));
        Nest(days, months);
        Nest(months, years);
        return new Edition
        {
            Language = language,
            Articles = articles,
            Pages = [.. allPages.Where(p => p.Language == language)],
            Tags = tags,
            Categories = categories,
            Days = days,
            Months = months,
            Years = years,
        };
    }

    internal static SiteArticle Place(Article article, SiteSettings settings) =>
        new(article, UrlOf(article, settings), TimeZoneInfo.ConvertTime(article.Date!.Value, settings.TimeZone), LanguageOf(article, settings));

    /// <summary>A standalone page's URL is its slug; an article's comes from the permalink setting; both under the edition's prefix.</summary>
    internal static string UrlOf(Article article, SiteSettings settings) =>
        LanguageOf(article, settings).Prefix + (article.IsPage
            ? "/" + article.Slug + "/"
            : Permalinks.Expand(settings.Permalink, TimeZoneInfo.ConvertTime(article.Date!.Value, settings.TimeZone), article.Slug, article.FileName));

    /// <summary>The edition an article belongs to: its <c>lang</c>'s, else the default language's.</summary>
    internal static SiteLanguage LanguageOf(Article article, SiteSettings settings)
    {
        var editions = settings.Editions;
        if (editions.Count > 1)
        {
            foreach (var edition in editions)
            {
                if (edition.Code.Equals(article.Lang, StringComparison.OrdinalIgnoreCase))
                {
                    return edition;
                }
            }
        }

        return editions[0];
    }

    private static List<Archive> Archives(List<SiteArticle> articles, ArchiveKind kind, string prefix, Func<DateOnly, DateOnly> period)
    {
        var archives = new List<Archive>();
        foreach (var article in articles)
        {
            var date = period(DateOnly.FromDateTime(article.LocalDate.DateTime));
            if (archives.Count == 0 || archives[^1].Date != date)
            {
                archives.Add(new Archive(kind, date, prefix));
            }

            archives[^1].Articles.Add(article);
        }

        for (var i = 0; i < archives.Count; i++)
        {
            archives[i].Newer = i > 0 ? archives[i - 1] : null;
            archives[i].Older = i + 1 < archives.Count ? archives[i + 1] : null;
        }

        return archives;
    }

    /// <summary>Both lists are newest first, so each child's parent is found in one pass.</summary>
    private static void Nest(List<Archive> children, List<Archive> parents)
    {
        var p = 0;
        foreach (var child in children)
        {
            while (!Contains(parents[p], child.Date))
            {
                p++;
            }

            child.Parent = parents[p];
            parents[p].Children.Add(child);
        }
    }

    private static bool Contains(Archive parent, DateOnly date) =>
        parent.Kind == ArchiveKind.Year ? parent.Date.Year == date.Year : parent.Date.Year == date.Year && parent.Date.Month == date.Month;
}
