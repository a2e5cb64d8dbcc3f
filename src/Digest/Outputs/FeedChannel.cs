using Digest.SiteModel;

namespace Digest.Outputs;

/// <summary>One list of articles offered as feeds (the site's, or a tag's or category's): its title, its page and a URL per format.</summary>
internal sealed record FeedChannel(string Title, string PageUrl, string AtomUrl, string RssUrl, string JsonUrl, IReadOnlyList<SiteArticle> Articles)
{
    /// <summary>The feeds of a language edition (the whole site's, in a site of one language).</summary>
    public static FeedChannel Of(Edition edition) =>
        new(edition.Language.Title, edition.Url("/"), edition.Url("/feed.xml"), edition.Url("/rss.xml"), edition.Url("/feed.json"), edition.Articles);

    public static FeedChannel Of(Term term, string title) => new(title, term.Url, term.FeedUrl, term.RssUrl, term.JsonFeedUrl, term.Articles);
}
