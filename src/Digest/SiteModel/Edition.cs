using Digest.Configuration;

namespace Digest.SiteModel;

/// <summary>
/// One language edition of the site: its articles, terms and archives, whose pages live under
/// <see cref="SiteLanguage.Prefix"/>. A site in one language is one edition at the root holding everything.
/// </summary>
public sealed class Edition
{
    public required SiteLanguage Language { get; init; }
    /// <summary>Newest first: a subsequence of <see cref="Site.Articles"/>.</summary>
    public required IReadOnlyList<SiteArticle> Articles { get; init; }
    /// <summary>Standalone pages of this edition, in menu order.</summary>
    public required IReadOnlyList<SiteArticle> Pages { get; init; }
    /// <summary>Sorted by name, case-insensitively.</summary>
    public required IReadOnlyList<Term> Tags { get; init; }
    public required IReadOnlyList<Term> Categories { get; init; }
    /// <summary>Newest first.</summary>
    public required IReadOnlyList<Archive> Days { get; init; }
    public required IReadOnlyList<Archive> Months { get; init; }
    public required IReadOnlyList<Archive> Years { get; init; }

    private Dictionary<(TermKind, string), Term>? _termsBySlug;
    private Dictionary<(ArchiveKind, DateOnly), Archive>? _archivesByDate;

    public string Code => Language.Code;

    /// <summary>This edition's tag or category of <paramref name="slug"/>, or null: what links a term page to its translations.</summary>
    public Term? Term(TermKind kind, string slug) =>
        LazyInitializer.EnsureInitialized(ref _termsBySlug, () => Tags.Concat(Categories).ToDictionary(t => (t.Kind, t.Slug))).GetValueOrDefault((kind, slug));

    /// <summary>This edition's archive of a period, or null.</summary>
    public Archive? Archive(ArchiveKind kind, DateOnly date) =>
        LazyInitializer.EnsureInitialized(ref _archivesByDate, () => Days.Concat(Months).Concat(Years).ToDictionary(a => (a.Kind, a.Date))).GetValueOrDefault((kind, date));

    /// <summary>This edition's URL of a site path: <c>/ru/tags/</c> for <c>/tags/</c>.</summary>
    public string Url(string path) => Language.Url(path);
}
