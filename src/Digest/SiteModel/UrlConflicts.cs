using Digest.Diagnostics;

namespace Digest.SiteModel;

/// <summary>Two articles, or an article and a page Digest makes itself, that would be written to one URL.</summary>
internal static class UrlConflicts
{
    public static void ReportDuplicateUrls(IEnumerable<SiteArticle> articles, DiagnosticBag diagnostics)
    {
        foreach (var group in articles.GroupBy(a => a.Url, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var files = group.Select(a => a.Source.SourcePath).Order(StringComparer.Ordinal).ToList();
            foreach (var file in files)
            {
                var others = string.Join(" and ", files.Where(f => f != file));
                diagnostics.Error(file, 1, 1, DiagnosticCodes.DuplicateUrl,
                    $"this article and {others} would both be written to {group.Key}. Give one of them a different 'slug'.");
            }
        }
    }

    /// <summary>The URLs of the pages Digest makes itself, each with what it is, for messages.</summary>
    private static Dictionary<string, string> GeneratedUrls(Site site)
    {
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var edition in site.Editions)
        {
            urls.TryAdd(edition.Url("/"), "the home page");
            urls.TryAdd(edition.Url("/tags/"), "the tags index");
            urls.TryAdd(edition.Url("/categories/"), "the categories index");
            foreach (var tag in edition.Tags)
            {
                urls.TryAdd(tag.Url, $"the page of the tag '{tag.Name}'");
            }

            foreach (var category in edition.Categories)
            {
                urls.TryAdd(category.Url, $"the page of the category '{category.Name}'");
            }

            IEnumerable<Archive> archives = site.Settings.Archives ? [.. edition.Days, .. edition.Months, .. edition.Years] : [];
            foreach (var archive in archives)
            {
                urls.TryAdd(archive.Url, $"the archive at {archive.Url}");
            }
        }

        return urls;
    }

    /// <summary>
    /// An article or page at the URL of a generated page would be overwritten by it or overwrite it; found here,
    /// before rendering, so the report names the file and does not depend on which page rendered first.
    /// </summary>
    public static void ReportGeneratedUrls(Site site, DiagnosticBag diagnostics)
    {
        var generated = GeneratedUrls(site);
        foreach (var article in site.Articles.Concat(site.Pages))
        {
            if (generated.TryGetValue(article.Url, out var what))
            {
                diagnostics.Error(article.Source.SourcePath, 1, 1, DiagnosticCodes.DuplicateUrl,
                    $"this {(article.Source.IsPage ? "page" : "article")} would be written to {article.Url}, the URL of {what}. Give it a different 'slug'.");
            }
        }
    }
}
