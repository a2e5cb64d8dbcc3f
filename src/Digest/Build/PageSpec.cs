using Digest.Templates;
using Scriban.Runtime;

namespace Digest.Build;

/// <summary>One HTML page to render: where it goes, with which layout, and how to build what its templates see.</summary>
/// <param name="Url">Site-relative URL: <c>/tags/rail/page/2/</c> or <c>/404.html</c>.</param>
/// <param name="Source">What the page comes from, for error messages: an article's path, else its URL.</param>
/// <param name="LastModified">For the sitemap; null leaves lastmod out.</param>
/// <param name="InSitemap">False for pages search engines should not list (404).</param>
/// <param name="Inputs">
/// A key of everything <paramref name="Globals"/> reads beyond the URL, the layout and what every page sees: the same key,
/// the same values.
/// </param>
internal sealed record PageSpec(string Url, string Layout, string Source, DateTimeOffset? LastModified, bool InSitemap,
    Func<ModelKeys, UInt128> Inputs, Func<TemplateModel, ScriptObject> Globals)
{
    /// <summary>The file a URL is served from: directory URLs get index.html.</summary>
    public string OutputPath { get; } = Url.EndsWith('/') ? Url.TrimStart('/') + "index.html" : Url.TrimStart('/');
}
