using Digest.Configuration;

namespace Digest.SiteModel;

/// <summary>The one place that turns site-relative URLs into links, so a base URL with a path works everywhere.</summary>
public sealed class UrlFunctions(SiteSettings settings)
{
    private readonly string _basePath = settings.BasePath;
    private readonly string _origin = settings.BaseUrl.GetLeftPart(UriPartial.Authority);

    /// <summary><c>/tags/</c> becomes <c>/repo/tags/</c>; absolute URLs and fragments pass through.</summary>
    public string Url(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return _basePath + "/";
        }

        if (IsExternal(path) || path.StartsWith('#'))
        {
            return path;
        }

        return _basePath + (path.StartsWith('/') ? path : "/" + path);
    }

    /// <summary><c>/tags/</c> becomes <c>https://owner.github.io/repo/tags/</c>.</summary>
    public string AbsUrl(string? path) => path is not null && IsExternal(path) ? path : _origin + Url(path);

    private static bool IsExternal(string path) =>
        path.StartsWith("//", StringComparison.Ordinal) || path.Contains("://", StringComparison.Ordinal)
        || path.StartsWith("mailto:", StringComparison.Ordinal);
}
