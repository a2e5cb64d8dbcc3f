using Digest.Configuration;
using Digest.Content;
using Digest.Diagnostics;

namespace Digest.SiteModel;

/// <summary>
/// The incremental model: a session's next build revises its last model instead of making one anew when no article
/// moved, so that an edit re-keys only the pages that show what it changed (see <see cref="ModelPatch"/>).
/// </summary>
public static class ModelPatcher
{
    /// <summary>
    /// The last build's model revised for <paramref name="articles"/>, when every article is placed as it was there (an
    /// edit of a body, a title, a summary, or of tags and categories): its order, archives and stories are kept, the
    /// articles' readings replaced and, if their terms changed, the terms and related articles regrouped. Null when an
    /// article moved, came or went, or an edit changed which articles report one story: then only
    /// <see cref="SiteModelBuilder.Build"/> gives the right model.
    /// </summary>
    /// <param name="previous">
    /// The model of the last build, made with the same settings and without any diagnostic. It is revised in place and
    /// handed over: the caller reads only the model returned, and <see cref="ModelPatch.From"/> serves to compare identity.
    /// </param>
    public static (Site Site, ModelPatch Patch)? TryPatch(Site previous, IReadOnlyList<Article> articles, SiteSettings settings, DiagnosticBag diagnostics)
    {
        if (articles.Count != previous.Articles.Count + previous.Pages.Count)
        {
            return null;
        }

        var placed = previous.Articles.Concat(previous.Pages).ToDictionary(a => a.Source.SourcePath, StringComparer.Ordinal);
        var replaced = new List<(SiteArticle Placed, Article Source)>();
        var (retagged, recategorized) = (false, false);
        foreach (var article in articles)
        {
            if (!placed.TryGetValue(article.SourcePath, out var before) || !KeepsItsPlace(before, article, settings))
            {
                return null;
            }

            if (!ReferenceEquals(before.Source, article))
            {
                replaced.Add((before, article));
                retagged |= !article.IsPage && !before.Source.Tags.SequenceEqual(article.Tags, StringComparer.Ordinal);
                recategorized |= !article.IsPage && !before.Source.Categories.SequenceEqual(article.Categories, StringComparer.Ordinal);
            }
        }

        foreach (var (before, source) in replaced)
        {
            before.Source = source;
        }

        // Other stories make other lists (one entry per story) and other pages: only a new model is sure to be right.
        if (replaced.Count > 0 && !StoryGrouping.Unchanged(previous.Articles, settings.Stories))
        {
            return null;
        }

        var storyMates = replaced.SelectMany(r => r.Placed.Story?.Articles ?? []).Distinct().Where(a => replaced.All(r => r.Placed != a)).ToList();
        return retagged || recategorized
            ? RegroupTerms(previous, retagged, recategorized, storyMates, settings, diagnostics)
            : (With(previous, previous.Editions), new ModelPatch(previous, [], [], [], storyMates));
    }

    /// <summary>
    /// Groups the terms of each kind that changed again as <see cref="SiteModelBuilder.Build"/> does, edition by edition; a
    /// term with the same name and articles as before stays the object it was, so that the patch names only what changed.
    /// Only articles on the timeline of a changed term can have other related articles.
    /// </summary>
    /// <returns>Null when, in a site of several languages, a term page came or went that another edition has too: that
    /// edition's page links to it (hreflang), and only a new model finds them.</returns>
    private static (Site, ModelPatch)? RegroupTerms(Site previous, bool retagged, bool recategorized, IReadOnlyList<SiteArticle> storyMates,
        SiteSettings settings, DiagnosticBag diagnostics)
    {
        var before = previous.Articles.Select(a => (a.Tags, a.Categories, a.Related)).ToArray();
        var changes = new TermGrouping.TermChanges();
        var editions = new List<Edition>();
        var onChangedTimelines = new List<SiteArticle>();
        foreach (var edition in previous.Editions)
        {
            var (articles, prefix, aliases) = (edition.Articles, edition.Language.Prefix, settings.TermAliases);
            var (made, replaced) = (changes.Made.Count, changes.Replaced.Count);
            var tags = retagged
                ? TermGrouping.Group(articles, TermKind.Tag, prefix, aliases, a => a.Source.Tags, (a, terms) => a.Tags = terms, edition.Tags, changes)
                : edition.Tags;
            var categories = recategorized
                ? TermGrouping.Group(articles, TermKind.Category, prefix, aliases, a => a.Source.Categories, (a, terms) => a.Categories = terms, edition.Categories, changes)
                : edition.Categories;
            if (LinksAnotherEdition(previous, edition, edition.Tags, tags, e => e.Tags) || LinksAnotherEdition(previous, edition, edition.Categories, categories, e => e.Categories))
            {
                return null;
            }

            var changedHere = changes.Replaced.Skip(replaced).Concat(changes.Made.Skip(made)).SelectMany(t => t.Articles).Distinct().ToList();
            RelatedArticles.Find(previous.Articles, changedHere, settings.RelatedCount);
            onChangedTimelines.AddRange(changedHere);
            editions.Add(new Edition
            {
                Language = edition.Language,
                Articles = articles,
                Pages = edition.Pages,
                Tags = tags,
                Categories = categories,
                Days = edition.Days,
                Months = edition.Months,
                Years = edition.Years,
            });
        }

        var withNewTerms = previous.Articles.Where((a, i) => !a.Tags.SequenceEqual(before[i].Tags) || !a.Categories.SequenceEqual(before[i].Categories)).ToList();
        var withNewRelated = onChangedTimelines.Where(a => !a.Related.SequenceEqual(before[a.Index].Related)).ToList();

        var site = With(previous, editions);
        UrlConflicts.ReportGeneratedUrls(site, diagnostics);
        return (site, new ModelPatch(previous, withNewTerms, withNewRelated, changes.Replaced, storyMates));
    }

    /// <summary>Whether a term page came or went whose slug another edition has a page for: that page links to it (hreflang).</summary>
    private static bool LinksAnotherEdition(Site site, Edition edition, IReadOnlyList<Term> before, IReadOnlyList<Term> now, Func<Edition, IReadOnlyList<Term>> termsOf)
    {
        if (site.Editions.Count < 2 || ReferenceEquals(before, now))
        {
            return false;
        }

        var changed = before.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        changed.SymmetricExceptWith(now.Select(t => t.Slug));
        return changed.Count > 0 && site.Editions.Any(other => other != edition && termsOf(other).Any(t => changed.Contains(t.Slug)));
    }

    private static Site With(Site previous, IReadOnlyList<Edition> editions) => new()
    {
        Settings = previous.Settings,
        Articles = previous.Articles,
        Pages = previous.Pages,
        Editions = editions,
        Stories = previous.Stories,
    };

    /// <summary>Whether a new reading of a file puts the article where it was: its order, its URL, its archives; not its terms.</summary>
    private static bool KeepsItsPlace(SiteArticle placed, Article article, SiteSettings settings)
    {
        var before = placed.Source;
        return ReferenceEquals(before, article)
            || (before.IsPage == article.IsPage && before.Date == article.Date && placed.Url == SiteModelBuilder.UrlOf(article, settings)
                && before.Lang == article.Lang && before.TranslationKey == article.TranslationKey && before.TranslationOf == article.TranslationOf
                && (!article.IsPage || (before.MenuOrder == article.MenuOrder && before.Title == article.Title)));
    }
}
