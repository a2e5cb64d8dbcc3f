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
    /// <summary>
    /// Front matter keys, beyond those Digest knows, that the site's articles use on purpose (lower case): they reach
    /// templates as <c>article.params</c> like any other, without the warning an unknown key gets.
    /// </summary>
    public IReadOnlyList<string> FrontMatterKeys { get; init; } = [];
    /// <summary>The only categories articles may name, when set; null lets any category make its page.</summary>
    public IReadOnlyList<string>? Categories { get; init; }
    /// <summary>A custom domain for GitHub Pages (written as CNAME when publishing).</summary>
    public string CustomDomain { get; init; } = "";
    /// <summary>Grouping of articles that report one event (<c>stories:</c>).</summary>
    public StorySettings Stories { get; init; } = new();
    /// <summary>A Google News sitemap, <c>news-sitemap.xml</c>, of the articles of the last two days.</summary>
    public bool GoogleNews { get; init; } = true;
    /// <summary>Index the site with Pagefind and give the theme a search page (<c>search: true</c>).</summary>
    public bool Search { get; init; }
    /// <summary>The <c>params:</c> map, passed to templates as <c>site.params</c>.</summary>
    public IReadOnlyDictionary<string, object?> Params { get; init; } = new Dictionary<string, object?>();

    /// <summary>
    /// The language editions of a multilingual site (<c>languages:</c>), the default language's first; empty for a site
    /// in one language. See <see cref="Editions"/>.
    /// </summary>
    public IReadOnlyList<SiteLanguage> Languages { get; init; } = [];
    /// <summary>
    /// Spellings of one name that are one tag or category (<c>term_aliases:</c>): each spelling, case-insensitively, to
    /// the name whose slug the term's pages take. "Ереван" and "Երևան" → "Yerevan".
    /// </summary>
    public IReadOnlyDictionary<string, string> TermAliases { get; init; } = new Dictionary<string, string>();

    /// <summary>The site's language editions: those of <see cref="Languages"/>, or the whole site as one edition at its root.</summary>
    public IReadOnlyList<SiteLanguage> Editions => Languages.Count > 0 ? Languages : [new SiteLanguage(Language, "", Title, Description)];
    /// <summary>The <c>import:</c> section, for <c>digest import</c>.</summary>
    public ImportSettings Import { get; init; } = new();

    /// <summary>The path part of <see cref="BaseUrl"/> without its trailing '/': "" or "/repo".</summary>
    public string BasePath => BaseUrl.AbsolutePath.TrimEnd('/');
}
