using Digest.Files;

namespace Digest.Preview;

/// <summary>
/// Maps a URL path to a file of the built site, and never to anything outside it: dot segments, backslashes and
/// control characters are refused, and symbolic links are followed to their real target, which must still be
/// inside the (real) output folder.
/// </summary>
internal sealed class SitePathResolver
{
    private readonly string _root;

    public SitePathResolver(string outputDirectory)
    {
        var full = Path.GetFullPath(outputDirectory);
        _root = SymbolicLinks.RealPath(full) ?? full;
    }

    /// <summary>False when a decoded URL path can never name a file of the site: it is a bad request, whatever is on disk.</summary>
    public static bool IsWellFormed(string decodedPath) =>
        !decodedPath.Contains('\\')
        && !decodedPath.Any(char.IsControl)
        && !decodedPath.Split('/').Any(segment => segment is "." or "..");

    /// <summary>The real path of the file or folder at a '/'-separated path relative to the output, or null.</summary>
    public (string Path, bool IsDirectory)? Resolve(string relativePath)
    {
        if (!IsWellFormed(relativePath) || relativePath.StartsWith('/') || Path.IsPathRooted(relativePath))
        {
            return null;
        }

        var real = SymbolicLinks.RealPath(Path.Combine(_root, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        if (real is null || !(real == _root || real.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            return null;
        }

        return File.Exists(real) ? (real, false) : Directory.Exists(real) ? (real, true) : null;
    }
}
