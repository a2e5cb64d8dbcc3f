using Digest.Hashing;
using Digest.SiteModel;
using Digest.Templates;
using Scriban.Runtime;

namespace Digest.Build;

/// <summary>One HTML page to render: where it goes, with which layout, and how to build what its templates see.</summary>
/// <param name="Url">Site-relative URL: <c>/tags/rail/page/2/</c> or <c>/404.html</c>.</param>
/// <param name="Source">What the page comes from, for error messages: an article's path, else its URL.</param>
/// <param name="LastModified">For the sitemap; null leaves lastmod out.</param>
/// <param name="InSitemap">False for pages search engines should not list (404).</param>
/// <param name="ArticlesRead">The articles (and standalone pages) whose own state <paramref name="Globals"/> reads, in order.</param>
/// <param name="Terms">The terms whose names and counts <paramref name="Globals"/> reads as such (not as an article's).</param>
/// <param name="OtherValuesKey">A key of what else <paramref name="Globals"/> reads beyond the URL and the layout: counts, archives.</param>
internal sealed record PageSpec(string Url, string Layout, string Source, DateTimeOffset? LastModified, bool InSitemap,
    Func<IEnumerable<SiteArticle?>> ArticlesRead, Func<IEnumerable<Term>> Terms, Func<Fingerprint> OtherValuesKey, Func<TemplateModel, ScriptObject> Globals)
{
    /// <summary>The file a URL is served from: directory URLs get index.html.</summary>
    public string OutputPath { get; } = Url.EndsWith('/') ? Url.TrimStart('/') + "index.html" : Url.TrimStart('/');

    /// <summary>A key of everything <see cref="Globals"/> reads, with what every page sees: the same key, the same values.</summary>
    public UInt128 Key(ModelKeys keys)
    {
        var key = OtherValuesKey().AddHash(keys.EveryPage).Add(Layout).Add(Url);
        foreach (var term in Terms())
        {
            key.AddHash(keys.Of(term));
        }

        return keys.Add(key, ArticlesRead()).Value;
    }
}
