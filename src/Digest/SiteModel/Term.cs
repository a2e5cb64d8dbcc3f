namespace Digest.SiteModel;

public enum TermKind
{
    Tag,
    Category,
}

/// <summary>A tag or category: the name first seen, its slug, and its articles newest first.</summary>
/// <param name="prefix">The edition's URL prefix: "" or "/ru".</param>
public sealed class Term(TermKind kind, string name, string slug, string prefix = "")
{
    public TermKind Kind { get; } = kind;
    public string Name { get; } = name;
    public string Slug { get; } = slug;
    public string Url => prefix + (Kind == TermKind.Tag ? "/tags/" : "/categories/") + Slug + "/";
    /// <summary>The term's Atom feed; <see cref="RssUrl"/> and <see cref="JsonFeedUrl"/> are its RSS and JSON feeds.</summary>
    public string FeedUrl => Url + "feed.xml";
    public string RssUrl => Url + "rss.xml";
    public string JsonFeedUrl => Url + "feed.json";
    public List<SiteArticle> Articles { get; } = [];
}
