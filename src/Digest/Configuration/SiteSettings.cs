namespace Digest.Configuration;

/// <summary>Site settings from <c>digest.yml</c>, after command-line overrides.</summary>
public sealed record SiteSettings
{
    public string Title { get; init; } = "Digest";
    public string Description { get; init; } = "";
    /// <summary>Absolute, always ending with '/'.</summary>
    public Uri BaseUrl { get; init; } = new("http://localhost/");
    public string Language { get; init; } = "en";
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
    public int PageSize { get; init; } = 10;
    /// <summary>Article URL pattern with <c>{year}</c>, <c>{month}</c>, <c>{day}</c>, <c>{slug}</c>, <c>{filename}</c>.</summary>
    public string Permalink { get; init; } = "/{year}/{month}/{day}/{slug}/";
    public string Author { get; init; } = "";
    public string Copyright { get; init; } = "";
    public int FeedSize { get; init; } = 20;
    public int RelatedCount { get; init; } = 5;
    /// <summary>Raw HTML in Markdown is escaped unless this is set.</summary>
    public bool AllowHtml { get; init; }
    /// <summary>Daily editions and month and year archives.</summary>
    public bool Archives { get; init; } = true;
    /// <summary>An Atom feed per tag and per category.</summary>
    public bool TermFeeds { get; init; } = true;
    /// <summary>
    /// Whether files reached through a symbolic link that leads out of the site folder are read (as Jekyll's safe mode,
    /// off by default): such a link is otherwise skipped with a warning.
    /// </summary>
    public bool FollowLinksOutside { get; init; }
    /// <summary>
    /// Files of the output folder a build never deletes or replaces, as glob patterns relative to it (<c>google*.html</c>,
    /// <c>downloads/**</c>); CNAME always is.
    /// </summary>
    public IReadOnlyList<string> Keep { get; init; } = [];
    /// <summary>A custom domain for GitHub Pages (written as CNAME when publishing).</summary>
    public string CustomDomain { get; init; } = "";
    /// <summary>Index the site with Pagefind and give the theme a search page (<c>search: true</c>).</summary>
    public bool Search { get; init; }
    /// <summary>The <c>params:</c> map, passed to templates as <c>site.params</c>.</summary>
    public IReadOnlyDictionary<string, object?> Params { get; init; } = new Dictionary<string, object?>();

    /// <summary>The path part of <see cref="BaseUrl"/> without its trailing '/': "" or "/repo".</summary>
    public string BasePath => BaseUrl.AbsolutePath.TrimEnd('/');
}
