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

    public string Code => Language.Code;

    /// <summary>This edition's URL of a site path: <c>/ru/tags/</c> for <c>/tags/</c>.</summary>
    public string Url(string path) => Language.Url(path);
}
