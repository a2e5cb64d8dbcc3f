namespace Digest.Preview;

/// <summary>
/// Maps a URL path to a file of the built site, and never to anything outside it: dot segments, backslashes and
/// control characters are refused, and symbolic links are followed to their real target, which must still be
/// inside the (real) output folder.
/// </summary>
internal sealed class SitePathResolver
{
    private const int MaxLinkDepth = 32;
    private readonly string _root;

    public SitePathResolver(string outputDirectory)
    {
        var full = Path.GetFullPath(outputDirectory);
        _root = RealPath(full, 0) ?? full;
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

        var real = RealPath(Path.Combine(_root, relativePath.Replace('/', Path.DirectorySeparatorChar)), 0);
        if (real is null || !(real == _root || real.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            return null;
        }

        return File.Exists(real) ? (real, false) : Directory.Exists(real) ? (real, true) : null;
    }

    /// <summary>
    /// Like POSIX realpath: the path with every symbolic link replaced by its target, or null if some part does not
    /// exist (or links loop). Every part of the result has been checked not to be a link.
    /// </summary>
    private static string? RealPath(string path, int depth)
    {
        if (depth > MaxLinkDepth)
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            var info = new FileInfo(current);
            if (info.LinkTarget is { } target)
            {
                var resolved = Path.GetFullPath(target, Path.GetDirectoryName(current)!);
                return RealPath(Path.Combine([resolved, .. parts[(i + 1)..]]), depth + 1);
            }

            if (!info.Exists && !Directory.Exists(current))
            {
                return null;
            }
        }

        return current;
    }
}
