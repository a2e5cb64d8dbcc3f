using System.IO.Enumeration;
using Digest.Diagnostics;
using Digest.Files;

namespace Digest.Content;

/// <summary>The files under <c>input/</c>, by role, as sorted site-relative paths, with their sizes and write times.</summary>
public sealed record InputFiles(IReadOnlyList<string> Articles, IReadOnlyList<string> Pages,
    IReadOnlyList<string> DirectoryDefaults, IReadOnlyList<string> StaticFiles)
{
    /// <summary>Size and last write time (UTC ticks) of every file, by site-relative path: how a later build sees a change without reading.</summary>
    public IReadOnlyDictionary<string, (long Length, long WriteTicks)> Stamps { get; init; } =
        new Dictionary<string, (long Length, long WriteTicks)>();

    /// <summary>Whether the listing met a link, followed or not: such a listing is never reused by <see cref="Rescan"/>.</summary>
    public bool MetLinks { get; init; }

    /// <param name="diagnostics">Where links skipped are reported: those that lead back into a folder holding them, and those that lead out of the site.</param>
    /// <param name="unchanged">
    /// The size and time of a file known not to have changed since an earlier scan, which then need not be asked of the
    /// system again; null for any other file. The listing itself is always read whole, and files reached through a
    /// folder link are always looked at: a watcher does not see into the folders links lead to.
    /// </param>
    /// <param name="followLinksOutside">Whether links that lead out of the site folder are followed (the setting <c>follow_links_outside</c>).</param>
    public static InputFiles Scan(string siteDirectory, DiagnosticBag diagnostics, Func<string, (long Length, long WriteTicks)?>? unchanged = null,
        bool followLinksOutside = false)
    {
        var input = Path.GetFullPath(Path.Combine(siteDirectory, SiteLayout.InputFolder));
        if (!Directory.Exists(input))
        {
            return new InputFiles([], [], [], []);
        }

        // Entries straight from the directory listing, without a FileInfo or a path split per file: on a site of
        // 100,000 articles this scan runs before every build, including a preview's after each edit. Only entries
        // that are links cost more: where they lead is worked out.
        var siteLength = input.Length - SiteLayout.InputFolder.Length;
        var links = new LinkPolicy(input[..siteLength], SiteLayout.InputFolder, followLinksOutside, diagnostics);
        if (new DirectoryInfo(input).LinkTarget is not null && !links.Follow(input))
        {
            return new InputFiles([], [], [], []) { MetLinks = true };
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden };
        var entries = new FileSystemEnumerable<(string Path, long Length, long WriteTicks)>(input, (ref FileSystemEntry entry) =>
            {
                // A file's size and time cost a call to the system each; its name comes with the listing.
                var path = RelativePath(entry.Directory[siteLength..], entry.FileName);
                return !links.Holds(entry.Directory) && unchanged?.Invoke(path) is { } known
                    ? (path, known.Length, known.WriteTicks)
                    : (path, entry.Length, entry.LastWriteTimeUtc.UtcTicks);
            },
            options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && !entry.FileName.StartsWith('.')
                && ((entry.Attributes & FileAttributes.ReparsePoint) == 0 || links.Read(entry.ToFullPath())),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !entry.FileName.StartsWith('.')
                && ((entry.Attributes & FileAttributes.ReparsePoint) == 0 || links.Follow(entry.ToFullPath())),
        };
        var stamps = new Dictionary<string, (long Length, long WriteTicks)>(StringComparer.Ordinal);
        foreach (var (path, length, writeTicks) in entries)
        {
            stamps[path] = (length, writeTicks);
        }

        var files = stamps.Keys.Order(StringComparer.Ordinal).ToList();
        var pagesPrefix = SiteLayout.InputFolder + "/pages/";
        bool IsMarkdown(string f) => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        bool IsPage(string f) => f.StartsWith(pagesPrefix, StringComparison.Ordinal) && !f[pagesPrefix.Length..].Contains('/');
        bool IsDefaults(string f) => Path.GetFileName(f) == Content.DirectoryDefaults.FileName;
        return new InputFiles(
            [.. files.Where(f => IsMarkdown(f) && !IsPage(f))],
            [.. files.Where(f => IsMarkdown(f) && IsPage(f))],
            [.. files.Where(IsDefaults)],
            [.. files.Where(f => !IsMarkdown(f) && !IsDefaults(f))])
        { Stamps = stamps, MetLinks = links.Met };
    }

    /// <summary>
    /// <paramref name="last"/> with the sizes and times of <paramref name="changed"/> asked again, when every changed
    /// path under <c>input/</c> names a file it lists that is still a plain file: saving an article adds, removes or moves
    /// nothing, so the folders need not be listed again. Null when something else may have changed (a file made, removed
    /// or renamed, a folder, a link); then only a <see cref="Scan"/> can tell.
    /// </summary>
    /// <param name="changed">Site-relative paths of every file and folder changed since <paramref name="last"/> was made.</param>
    public static InputFiles? Rescan(string siteDirectory, InputFiles last, IEnumerable<string> changed)
    {
        if (last.MetLinks)
        {
            // A watcher does not see into the folders links lead to, nor does it report a loop's warning again.
            return null;
        }

        Dictionary<string, (long Length, long WriteTicks)>? stamps = null;
        foreach (var path in changed)
        {
            if (path == SiteLayout.InputFolder)
            {
                return null;
            }

            if (!path.StartsWith(SiteLayout.InputFolder + "/", StringComparison.Ordinal))
            {
                continue;
            }

            var file = new FileInfo(Path.Combine(siteDirectory, path));
            var listed = last.Stamps.ContainsKey(path);
            if (!listed && !file.Exists && !Directory.Exists(file.FullName) && !last.Stamps.Keys.Any(p => p.StartsWith(path + "/", StringComparison.Ordinal)))
            {
                // Neither there before nor now: an editor's temporary file, made and renamed away within the save.
                continue;
            }

            if (!listed || !file.Exists || file.LinkTarget is not null)
            {
                return null;
            }

            stamps ??= new Dictionary<string, (long Length, long WriteTicks)>(last.Stamps, StringComparer.Ordinal);
            stamps[path] = (file.Length, file.LastWriteTimeUtc.Ticks);
        }

        return last with { Stamps = stamps ?? last.Stamps };
    }

    /// <summary>
    /// The bytes of an input file, or null after reporting why it cannot be read: a link to something gone, a file
    /// removed since the scan (an editor saving by replace), no permission.
    /// </summary>
    public static byte[]? Read(string siteDirectory, string path, DiagnosticBag diagnostics)
    {
        var fullPath = Path.Combine(siteDirectory, path);
        try
        {
            return File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var why = ex switch
            {
                FileNotFoundException or DirectoryNotFoundException when new FileInfo(fullPath).LinkTarget is not null =>
                    "it is a link to something that does not exist. Restore what it points to, or remove the link.",
                FileNotFoundException or DirectoryNotFoundException => "it was removed while the build ran. Build again.",
                _ => $"{ex.Message.TrimEnd('.')}. Check that the file is readable.",
            };
            diagnostics.Error(path, 0, 0, DiagnosticCodes.IoError, "cannot read this file: " + why);
            return null;
        }
    }

    private static string RelativePath(ReadOnlySpan<char> directory, ReadOnlySpan<char> fileName)
    {
        var path = string.Concat(directory, "/", fileName);
        return Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');
    }
}
