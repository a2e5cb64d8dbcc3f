using Digest.Caching;
using Digest.Content;
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
    /// <param name="same">
    /// The keys of the last build of the same model (see <see cref="RenderMemo.Fits"/>), and the articles read again since:
    /// every other key stays as it was.
    /// </param>
    public ModelKeys(Site site, UInt128 everyPage, Func<Article, UInt128> sourceHash, (ModelKeys Keys, IReadOnlyList<SiteArticle> ReadAgain)? same = null)
    {
        EveryPage = everyPage;
        _sourceHash = sourceHash;
        if (same is { } kept)
        {
            (_termsOfArticles, _terms, _articles) = (kept.Keys._termsOfArticles, kept.Keys._terms, [.. kept.Keys._articles]);
            foreach (var article in kept.ReadAgain.Where(a => !a.Source.IsPage))
            {
                _articles[article.Index] = OwnState(article);
            }

            return;
        }

        _termsOfArticles = site.Tags.Concat(site.Categories).ToDictionary(t => t, t => new Fingerprint().Add((int)t.Kind).Add(t.Name).Add(t.Slug).Value);
        _terms = _termsOfArticles.ToDictionary(t => t.Key, t => new Fingerprint().AddHash(t.Value).Add(t.Key.Articles.Count).Value);
        _articles = new UInt128[site.Articles.Count];
        Parallel.For(0, _articles.Length, i => _articles[i] = OwnState(site.Articles[i]));
    }

    public UInt128 EveryPage { get; }

    /// <summary>An article's own state: what its summary and its JSON-LD are made of; not its neighbours, nor its terms' counts.</summary>
    public UInt128 Of(SiteArticle? article) =>
        article is null ? UInt128.Zero : article.Source.IsPage ? OwnState(article) : _articles[article.Index];

    /// <summary>A term as its own page and the index of terms show it: with its count.</summary>
    public UInt128 Of(Term term) => _terms[term];

    /// <summary>Archives are few and small: the key is the hash of what templates see of one.</summary>
    public static UInt128 Of(Archive archive) => ScriptValueHasher.Hash(TemplateModel.Archive(archive));

    /// <summary>A key of a sequence of articles (a list page's slice, a page's related articles), in order.</summary>
    public Fingerprint Add(Fingerprint key, IEnumerable<SiteArticle?> articles)
    {
        foreach (var article in articles)
        {
            key.AddHash(Of(article));
        }

        return key;
    }

    private UInt128 OwnState(SiteArticle article)
    {
        var key = new Fingerprint().AddHash(_sourceHash(article.Source)).Add(article.Source.SourcePath).Add(article.Url);
        foreach (var term in article.Categories.Concat(article.Tags))
        {
            key.AddHash(_termsOfArticles[term]);
        }

        return key.Value;
    }
}
