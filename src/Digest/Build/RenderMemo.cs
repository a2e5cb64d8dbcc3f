using System.Runtime.InteropServices;
using Digest.Content;
using Digest.SiteModel;

namespace Digest.Build;

/// <summary>
/// What a session's last render worked out: the key of every page and of every article, and which reading of each
/// article they were made from. When the next build keeps the site model (an edit that moved no article) and every page
/// sees the same theme and site, only the pages that show an article read again need a new key: saving one article's
/// body costs the keys of the few pages that show it, not of every page of the site.
/// </summary>
internal sealed class RenderMemo
{
    private readonly Site _site;
    private readonly Article[] _sources;
    private readonly UInt128[] _pageKeys;
    /// <summary>The pages, until <see cref="_showing"/> is made from them.</summary>
    private IReadOnlyList<PageSpec>? _pages;
    /// <summary>The pages that show each article, by index in the list of pages; made when first needed, then carried on.</summary>
    private Dictionary<SiteArticle, List<int>>? _showing;

    /// <param name="earlier">The memo this build started from, whose list of which pages show what still holds.</param>
    public RenderMemo(Site site, IReadOnlyList<PageSpec> pages, ModelKeys keys, UInt128[] pageKeys, RenderMemo? earlier)
    {
        _site = site;
        _sources = [.. site.Articles.Concat(site.Pages).Select(a => a.Source)];
        _pageKeys = pageKeys;
        _showing = earlier?._showing;
        _pages = _showing is null ? pages : null;
        Keys = keys;
    }

    public ModelKeys Keys { get; }

    /// <summary>Whether a build can start from this: the same model, the same pages, and the same for every page.</summary>
    public bool Fits(Site site, int pageCount, UInt128 everyPage) =>
        ReferenceEquals(site.Articles, _site.Articles) && ReferenceEquals(site.Pages, _site.Pages)
        && ReferenceEquals(site.Tags, _site.Tags) && ReferenceEquals(site.Categories, _site.Categories)
        && ReferenceEquals(site.Days, _site.Days) && ReferenceEquals(site.Months, _site.Months) && ReferenceEquals(site.Years, _site.Years)
        && pageCount == _pageKeys.Length && everyPage == Keys.EveryPage;

    /// <summary>The articles and standalone pages of <paramref name="site"/> read again since (see <see cref="Fits"/>).</summary>
    public List<SiteArticle> ReadAgain(Site site) =>
        [.. site.Articles.Concat(site.Pages).Where((article, i) => !ReferenceEquals(article.Source, _sources[i]))];

    /// <summary>
    /// Each page's key from the last build, or null for a page that shows one of <paramref name="readAgain"/>, whose key
    /// must be worked out again.
    /// </summary>
    public UInt128?[] KeysUnlessShowing(IReadOnlyList<SiteArticle> readAgain)
    {
        var showing = IndexPages();
        var keys = new UInt128?[_pageKeys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = _pageKeys[i];
        }

        foreach (var article in readAgain)
        {
            foreach (var page in showing.GetValueOrDefault(article) ?? [])
            {
                keys[page] = null;
            }
        }

        return keys;
    }

    /// <summary>
    /// Works out which pages show each article, once: a few tens of milliseconds at 10,000 articles, which the preview
    /// spends while the writer reads rather than in the first rebuild after an edit.
    /// </summary>
    public Dictionary<SiteArticle, List<int>> IndexPages()
    {
        if (_showing is null)
        {
            _showing = Showing(_pages!);
            _pages = null;
        }

        return _showing;
    }

    private static Dictionary<SiteArticle, List<int>> Showing(IReadOnlyList<PageSpec> pages)
    {
        var showing = new Dictionary<SiteArticle, List<int>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < pages.Count; i++)
        {
            foreach (var article in pages[i].Shows())
            {
                if (article is not null)
                {
                    (CollectionsMarshal.GetValueRefOrAddDefault(showing, article, out _) ??= []).Add(i);
                }
            }
        }

        return showing;
    }
}
