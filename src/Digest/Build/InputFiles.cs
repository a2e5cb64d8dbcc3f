namespace Digest.Build;

/// <summary>The files under <c>input/</c>, by role, as sorted site-relative paths, with their sizes and write times.</summary>
public sealed record InputFiles(IReadOnlyList<string> Articles, IReadOnlyList<string> Pages,
    IReadOnlyList<string> DirectoryDefaults, IReadOnlyList<string> StaticFiles)
{
    /// <summary>Size and last write time (UTC ticks) of every file, by site-relative path: how a later build sees a change without reading.</summary>
    public IReadOnlyDictionary<string, (long Length, long WriteTicks)> Stamps { get; init; } =
        new Dictionary<string, (long Length, long WriteTicks)>();

    public static InputFiles Scan(string siteDirectory)
    {
        var input = Path.Combine(siteDirectory, SiteBuilder.InputFolder);
        if (!Directory.Exists(input))
        {
            return new InputFiles([], [], [], []);
        }

        var stamps = new Dictionary<string, (long Length, long WriteTicks)>(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden };
        foreach (var file in new DirectoryInfo(input).EnumerateFiles("*", options))
        {
            var path = Path.GetRelativePath(siteDirectory, file.FullName).Replace('\\', '/');
            if (!path.Split('/').Any(part => part.StartsWith('.')))
            {
                stamps[path] = (file.Length, file.LastWriteTimeUtc.Ticks);
            }
        }

        var files = stamps.Keys.Order(StringComparer.Ordinal).ToList();
        var pagesPrefix = SiteBuilder.InputFolder + "/pages/";
        bool IsMarkdown(string f) => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        bool IsPage(string f) => f.StartsWith(pagesPrefix, StringComparison.Ordinal) && !f[pagesPrefix.Length..].Contains('/');
        bool IsDefaults(string f) => Path.GetFileName(f) == Content.DirectoryDefaults.FileName;
        return new InputFiles(
            [.. files.Where(f => IsMarkdown(f) && !IsPage(f))],
            [.. files.Where(f => IsMarkdown(f) && IsPage(f))],
            [.. files.Where(IsDefaults)],
            [.. files.Where(f => !IsMarkdown(f) && !IsDefaults(f))])
        { Stamps = stamps };
    }
}
