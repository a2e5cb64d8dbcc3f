namespace Digest.Checking;

/// <summary>
/// Resolves URLs found in output files the way a browser would, against the page's own address under the site's
/// base URL, and says which file of the output they ask for. Written by hand rather than with <see cref="Uri"/>,
/// which is several times slower and this runs for every link of every page.
/// </summary>
public sealed class SiteUrlResolver
{
    private readonly string _basePath;
    private readonly string _baseUrl;
    private readonly string _protocolRelativeBase;

    public SiteUrlResolver(Uri baseUrl)
    {
        _basePath = baseUrl.AbsolutePath.TrimEnd('/') + "/";
        _baseUrl = baseUrl.GetLeftPart(UriPartial.Authority) + _basePath;
        _protocolRelativeBase = _baseUrl[_baseUrl.IndexOf("//", StringComparison.Ordinal)..];
    }

    /// <summary>The base path with its trailing '/': "/" or "/repo/".</summary>
    public string BasePath => _basePath;

    /// <summary>Resolves <paramref name="url"/> as written in the output file <paramref name="filePath"/> (relative to the output).</summary>
    public ResolvedUrl Resolve(string url, string filePath)
    {
        var hash = url.IndexOf('#');
        var fragment = hash < 0 ? "" : Decode(url[(hash + 1)..]);
        var beforeFragment = hash < 0 ? url : url[..hash];
        var query = beforeFragment.IndexOf('?');
        var path = query < 0 ? beforeFragment : beforeFragment[..query];

        if (HasScheme(path) || path.StartsWith("//", StringComparison.Ordinal))
        {
            var prefix = path.StartsWith("//", StringComparison.Ordinal) ? _protocolRelativeBase : _baseUrl;
            var sameSite = path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                || path.Equals(prefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
            return sameSite
                ? new ResolvedUrl(UrlOutcome.Internal, Normalize(path.Length < prefix.Length ? "" : path[prefix.Length..]), fragment)
                : new ResolvedUrl(UrlOutcome.External, "", "");
        }

        if (path.Length == 0)
        {
            // "#id" or "?q": the file itself.
            return new ResolvedUrl(UrlOutcome.Internal, filePath, fragment);
        }

        string absolute;
        if (path.StartsWith('/'))
        {
            absolute = path;
        }
        else
        {
            // Relative to the folder the file is served from, under the base path.
            var slash = filePath.LastIndexOf('/');
            absolute = _basePath + (slash < 0 ? "" : filePath[..(slash + 1)]) + path;
        }

        absolute = RemoveDotSegments(absolute);
        if (!absolute.StartsWith(_basePath, StringComparison.Ordinal) && absolute + "/" != _basePath)
        {
            return new ResolvedUrl(UrlOutcome.OutsideBasePath, Decode(absolute), fragment);
        }

        return new ResolvedUrl(UrlOutcome.Internal, Normalize(absolute.Length < _basePath.Length ? "" : absolute[_basePath.Length..]), fragment);
    }

    /// <summary>The output file a site-relative path is served from: folders serve their index.html.</summary>
    public static string FileFor(string sitePath) => sitePath.Length == 0 || sitePath.EndsWith('/') ? sitePath + "index.html" : sitePath;

    private static string Normalize(string sitePath) => Decode(RemoveDotSegments("/" + sitePath)).TrimStart('/');

    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(url[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!char.IsAsciiLetterOrDigit(url[i]) && url[i] is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Decode(string value) => value.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(value) : value;

    /// <summary>RFC 3986 section 5.2.4, for the rare path with "." or ".." segments.</summary>
    private static string RemoveDotSegments(string path)
    {
        if (!path.Contains("/.", StringComparison.Ordinal))
        {
            return path;
        }

        var output = new List<string>();
        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }

                if (last)
                {
                    output.Add("");
                }
            }
            else if (segment == ".")
            {
                if (last)
                {
                    output.Add("");
                }
            }
            else
            {
                output.Add(segment);
            }
        }

        return "/" + string.Join('/', output);
    }
}
