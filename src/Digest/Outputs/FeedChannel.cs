using Digest.SiteModel;

namespace Digest.Outputs;

/// <summary>One list of articles offered as feeds (the site's, or a tag's or category's): its title, its page and a URL per format.</summary>
internal sealed record FeedChannel(string Title, string PageUrl, string AtomUrl, string RssUrl, string JsonUrl, IReadOnlyList<SiteArticle> Articles)
{
    public static FeedChannel OfSite(Site site) => new(site.Settings.Title, "/", "/feed.xml", "/rss.xml", "/feed.json", site.Articles);

    public static FeedChannel Of(Site site, Term term) =>
        new($"{site.Settings.Title}: {term.Name}", term.Url, term.FeedUrl, term.RssUrl, term.JsonFeedUrl, term.Articles);
}
