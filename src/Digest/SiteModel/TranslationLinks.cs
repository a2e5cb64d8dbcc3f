using Digest.Configuration;
using Digest.Diagnostics;

namespace Digest.SiteModel;

/// <summary>
/// Which articles are one story in several languages: those with one <c>translation_key</c>, and an article with the
/// one its <c>translation_of</c> names. Each gets the others, in the order of the site's editions, for hreflang links.
/// </summary>
internal static class TranslationLinks
{
    public static void Link(IReadOnlyList<SiteArticle> articles, SiteSettings settings, DiagnosticBag diagnostics)
    {
        var byPath = articles.ToDictionary(a => a.Source.SourcePath, StringComparer.Ordinal);
        string OwnKey(SiteArticle a) => a.Source.TranslationKey.Length > 0 ? "key:" + a.Source.TranslationKey : "path:" + a.Source.SourcePath;

        var groups = new Dictionary<string, List<SiteArticle>>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            var key = OwnKey(article);
            var of = article.Source.TranslationOf;
            if (of.Length > 0)
            {
                if (byPath.TryGetValue(of, out var original))
                {
                    key = OwnKey(original);
                }
                else
                {
                    // A warning: the original may be a draft or dated in the future, and this build leaves it out.
                    diagnostics.Warning(article.Source.SourcePath, article.Source.TranslationOfLine, 1, DiagnosticCodes.MissingTranslationSource,
                        $"'translation_of' names {of}, which is not an article this build publishes, so the two are not linked. Write the path of the original from input/, like articles/2026/rail-link.md.");
                }
            }

            (groups.TryGetValue(key, out var group) ? group : groups[key] = []).Add(article);
        }

        var order = settings.Editions.Select(e => e.Code).ToList();
        foreach (var group in groups.Values.Where(g => g.Count > 1))
        {
            foreach (var article in group)
            {
                article.Translations = [.. group.Where(other => !other.LanguageCode.Equals(article.LanguageCode, StringComparison.OrdinalIgnoreCase))
                    .DistinctBy(other => other.LanguageCode.ToLowerInvariant())
                    .OrderBy(other => order.IndexOf(other.Language.Code)).ThenBy(other => other.LanguageCode, StringComparer.Ordinal)];
            }
        }
    }
}
