using System.Runtime.InteropServices;
using Digest.Content;
using Digest.SiteModel;

namespace Digest.Build;

/// <summary>
/// What a session's last committed build worked out: the key of every output and every article, and which reading of
/// each article they were made from. When the next build's model is patched from this one's (an edit that moved no
/// article: see <see cref="ModelPatch"/>) and every page sees the same theme and site, only the pages that read something
/// the edit changed need a new key: saving one article costs the keys of the few pages that show it or its terms, not of
/// every page of the site.
/// </summary>
internal sealed class RenderMemo
{
    private readonly Site _site;
    private readonly Article[] _sources;
    private readonly Dictionary<string, UInt128> _outputKeys;
    /// <summary>The pages, until <see cref="_readers"/> is made from them.</summary>
    private IReadOnlyList<PageSpec>? _pages;
    /// <summary>The output paths of the pages that read each article and term; made when first needed, then carried on while the model stays.</summary>
    private Dictionary<object, List<string>>? _readers;

    /// <param name="outputKeys">The key of each output of the build, by path (see <see cref="SessionMemo.OutputKeys"/>).</param>
    /// <param name="earlier">The memo this build started from, whose list of which pages read what still holds if <paramref name="patch"/> moved nothing.</param>
    public RenderMemo(Site site, IReadOnlyList<PageSpec> pages, ModelKeys keys, Dictionary<string, UInt128> outputKeys, RenderMemo? earlier, ModelPatch? patch)
    {
        _site = site;
        _sources = [.. site.Articles.Concat(site.Pages).Select(a => a.Source)];
        _outputKeys = outputKeys;
        _readers = patch is { MovesNothing: true } ? earlier?._readers : null;
        _pages = _readers is null ? pages : null;
        Keys = keys;
    }

    public ModelKeys Keys { get; }

    /// <summary>Whether a build can start from this: its model patched from this one's, and every page seeing the same.</summary>
    public bool Fits(ModelPatch? patch, UInt128 everyPage) => ReferenceEquals(patch?.From, _site) && everyPage == Keys.EveryPage;

    /// <summary>The articles and standalone pages of <paramref name="site"/> read again since (see <see cref="Fits"/>).</summary>
    public List<SiteArticle> ReadAgain(Site site) =>
        [.. site.Articles.Concat(site.Pages).Where((article, i) => !ReferenceEquals(article.Source, _sources[i]))];

    /// <summary>
    /// The output paths of the pages whose key may have changed since: those that show an article read again, given
    /// another key or other related articles, or that read a term the patch replaced or a list of terms it changed.
    /// </summary>
    public HashSet<string> Stale(Site site, IReadOnlyList<SiteArticle> readAgain, ModelPatch patch, ModelKeys keys)
    {
        var readers = IndexPages();
        var stale = new HashSet<string>(StringComparer.Ordinal);
        void ReadersOf(object read) => stale.UnionWith(readers.GetValueOrDefault(read) ?? []);
        foreach (var article in readAgain.Concat(patch.ArticlesWithNewRelated))
        {
            ReadersOf(article);
        }

        // A changed term is a new object in every list that holds it; only a changed name changes what an article's pages
        // show. A story mate's pages show the edited article in its story.
        foreach (var article in patch.Rekeyed.Where(a => keys.Of(a) != Keys.Of(a)))
        {
            ReadersOf(article);
        }

        foreach (var term in patch.ReplacedTerms)
        {
            ReadersOf(term);
        }

        foreach (var (now, before) in site.TermLists.Zip(_site.TermLists))
        {
            if (!ReferenceEquals(now, before))
            {
                ReadersOf(before);
            }
        }

        return stale;
    }

    /// <summary>The key a page had in the last build, unless <paramref name="stale"/> names it or it is new.</summary>
    public UInt128? KeyOf(PageSpec page, HashSet<string> stale) =>
        !stale.Contains(page.OutputPath) && _outputKeys.TryGetValue(page.OutputPath, out var key) ? key : null;

    /// <summary>
    /// Works out which pages read each article and term, once: a few tens of milliseconds at 10,000 articles, which the
    /// preview spends while the writer reads rather than in the first rebuild after an edit.
    /// </summary>
    public Dictionary<object, List<string>> IndexPages()
    {
        if (_readers is null)
        {
            _readers = Readers(_site, _pages!);
            _pages = null;
        }

        return _readers;
    }

    /// <summary>Besides its articles and terms, a page that shows all of a kind's terms reads which terms there are: the list.</summary>
    private static Dictionary<object, List<string>> Readers(Site site, IReadOnlyList<PageSpec> pages)
    {
        var readers = new Dictionary<object, List<string>>(ReferenceEqualityComparer.Instance);
        var termLists = site.TermLists.ToList();
        foreach (var page in pages)
        {
            var terms = page.Terms();
            IEnumerable<object?> lists = termLists.Any(list => ReferenceEquals(terms, list)) ? [terms] : [];
            foreach (var read in page.ArticlesRead().Concat<object?>(terms).Concat(lists))
            {
                if (read is not null)
                {
                    (CollectionsMarshal.GetValueRefOrAddDefault(readers, read, out _) ??= []).Add(page.OutputPath);
                }
            }
        }

        return readers;
    }
}
