namespace Digest.Content;

/// <summary>Which URLs from content may become links: no <c>javascript:</c>, <c>data:</c> or other script-capable schemes.</summary>
internal static class LinkSchemes
{
    /// <summary>The URL's scheme in lower case (<c>https</c>), or null for a path or a relative URL.</summary>
    public static string? SchemeOf(string url)
    {
        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':');
        var slash = trimmed.IndexOf('/');
        return colon > 0 && (slash < 0 || colon < slash) ? trimmed[..colon].ToLowerInvariant() : null;
    }

    /// <summary>True for paths and for http, https, mailto, tel and ftp URLs.</summary>
    public static bool IsSafe(string url) => SchemeOf(url) is null or "http" or "https" or "mailto" or "tel" or "ftp";

    /// <summary>True for absolute http(s) URLs: what a source link or a remote image must be.</summary>
    public static bool IsWeb(string url) => SchemeOf(url) is "http" or "https";
}
