namespace Digest.Configuration;

/// <summary>One language edition of a site: its articles, home, archives, term pages and feeds live under <see cref="Prefix"/>.</summary>
/// <param name="Code">A BCP 47 tag as articles write it in <c>lang:</c>: "en", "hy", "ru".</param>
/// <param name="Prefix">"" for the edition at the site's root, else "/ru" (no trailing slash).</param>
public sealed record SiteLanguage(string Code, string Prefix, string Title, string Description)
{
    /// <summary>A site-relative URL of this edition: <c>/ru/tags/</c> for <c>/tags/</c>.</summary>
    public string Url(string path) => Prefix + path;
}
