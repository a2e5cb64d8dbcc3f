using Digest.Content;
using Digest.Hashing;
using Digest.SiteModel;
using Digest.Templates;

namespace Digest.Build;

/// <summary>
/// Cheap keys of what a page is made from, so that a session can keep a page whose inputs did not change without
/// building its template values: an article's own state (its file's bytes, its URL and its terms), a term's, an
/// archive's. Keys only skip work; every page that is built is still fingerprinted by its values
/// (<see cref="ScriptValueHasher"/>).
/// </summary>
internal sealed class ModelKeys
{
    private readonly Func<Article, UInt128> _sourceHash;
    private readonly UInt128[] _articles;
    private readonly Dictionary<Term, UInt128> _terms;
    private readonly Dictionary<Term, UInt128> _termsOfArticles;

    /// <param name="everyPage">What every page sees: the theme, the settings, the site object.</param>
    /// <param name="sourceHash">The hash of the file an article was read from.</param>
    /// <param name="earlier">
    /// The keys of the last build of a model this one was patched from (see <see cref="RenderMemo.Fits"/>), and the
    /// articles read again or given other terms since: every other article's key, and every term's that it had, stays as it was.
    /// </param>
    public ModelKeys(Site site, UInt128 everyPage, Func<Article, UInt128> sourceHash, (ModelKeys Keys, IEnumerable<SiteArticle> ReadAgain)? earlier = null)
    {
        EveryPage = everyPage;
        _sourceHash = sourceHash;
        var terms = site.Terms;
        if (earlier is { } kept)
        {
            var (before, beforeOfArticles) = (kept.Keys._terms, kept.Keys._termsOfArticles);
            _termsOfArticles = terms.ToDictionary(t => t, t => beforeOfArticles.TryGetValue(t, out var key) ? key : OfArticles(t));
            _terms = terms.ToDictionary(t => t, t => before.TryGetValue(t, out var key) ? key : WithCount(t, _termsOfArticles[t]));
            _articles = [.. kept.Keys._articles];
            foreach (var article in kept.ReadAgain.Where(a => !a.Source.IsPage))
            {
                _articles[article.Index] = OwnState(article);
            }

            return;
        }

        _termsOfArticles = terms.ToDictionary(t => t, OfArticles);
        _terms = _termsOfArticles.ToDictionary(t => t.Key, t => WithCount(t.Key, t.Value));
        _articles = new UInt128[site.Articles.Count];
        Parallel.For(0, _articles.Length, i => _articles[i] = OwnState(site.Articles[i]));
    }

    public UInt128 EveryPage { get; }

    /// <summary>An article's own state: what its summary and its JSON-LD are made of, its story included; not its neighbours, nor its terms' counts.</summary>
    public UInt128 Of(SiteArticle? article) =>
        article is null ? UInt128.Zero : article.Source.IsPage ? OwnState(article) : _articles[article.Index];

    /// <summary>A term as its own page and the index of terms show it: with its count.</summary>
    public UInt128 Of(Term term) => _terms[term];

    /// <summary>
    /// Archives are few and small: the key is what templates see of one (<see cref="TemplateModel.Archive"/>), its
    /// periods as dates; how a language writes them is the theme's, which every page's key holds.
    /// </summary>
    public static UInt128 Of(Archive archive)
    {
        var key = new Fingerprint().Add((int)archive.Kind).Add(archive.Url).Add(archive.Parent?.Url ?? "")
            .Add(archive.Older?.Url ?? "").Add(archive.Newer?.Url ?? "");
        foreach (var child in archive.Children)
        {
            key.Add(child.Url).Add(child.Articles.Count);
        }

        return key.Value;
    }

    /// <summary>A key of a sequence of articles (a list page's slice, a page's related articles), in order.</summary>
    public Fingerprint Add(Fingerprint key, IEnumerable<SiteArticle?> articles)
    {
        foreach (var article in articles)
        {
            key.AddHash(Of(article));
        }

        return key;
    }

    /// <summary>A term as its articles show it: no count.</summary>
    private static UInt128 OfArticles(Term term) => new Fingerprint().Add((int)term.Kind).Add(term.Name).Add(term.Slug).Value;

    private static UInt128 WithCount(Term term, UInt128 ofArticles) => new Fingerprint().AddHash(ofArticles).Add(term.Articles.Count).Value;

    private UInt128 OwnState(SiteArticle article)
    {
        var key = new Fingerprint().AddHash(_sourceHash(article.Source)).Add(article.Source.SourcePath).Add(article.Url);
        foreach (var term in article.Categories.Concat(article.Tags))
        {
            key.AddHash(_termsOfArticles[term]);
        }

        // An article shows its story: each report's title, source, date and URL.
        foreach (var report in article.Story?.Articles ?? [])
        {
            key.AddHash(_sourceHash(report.Source)).Add(report.Url);
        }

        return key.Value;
    }
}
