namespace Digest.Files;

/// <summary>
/// Where symbolic links lead: the one place that follows them by hand, for the build's scan of <c>input/</c>, the
/// preview's watcher and server, and <c>digest check</c>. Only ever asked about entries that are links, or about a
/// folder once: it costs a call to the system per part of the path.
/// </summary>
internal static class SymbolicLinks
{
    /// <summary>Links followed in a row before giving up, as Linux does (ELOOP).</summary>
    private const int MaxDepth = 40;

    /// <summary>
    /// Like POSIX realpath: the path with every symbolic link on it replaced by its target, or null if some part does
    /// not exist or links loop. Every part of the result has been checked not to be a link.
    /// </summary>
    public static string? RealPath(string path) => Resolve(path, 0) is { Exists: true } real ? real.Path : null;

    /// <summary>
    /// Where a path leads once every link on it is followed, like <c>realpath -m</c>: what does not exist is kept as
    /// written (a link to something gone still leads somewhere). Null only when links loop.
    /// </summary>
    public static string? Destination(string path) => Resolve(path, 0)?.Path;

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies inside it; both full, without a trailing separator.</summary>
    public static bool IsSameOrInside(string path, string folder) =>
        path == folder
        || (path.StartsWith(folder, StringComparison.Ordinal)
            && (folder.EndsWith(Path.DirectorySeparatorChar) || (path.Length > folder.Length && path[folder.Length] == Path.DirectorySeparatorChar)));

    private static (string Path, bool Exists)? Resolve(string path, int depth)
    {
        if (depth > MaxDepth)
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
            string? target;
            try
            {
                target = new FileInfo(current).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                target = null;
            }

            if (target is not null)
            {
                var resolved = Path.GetFullPath(target, Path.GetDirectoryName(current)!);
                return Resolve(Path.Combine([resolved, .. parts[(i + 1)..]]), depth + 1);
            }

            if (!File.Exists(current) && !Directory.Exists(current))
            {
                return (Path.Combine([current, .. parts[(i + 1)..]]), false);
            }
        }

        return (current, true);
    }
}
