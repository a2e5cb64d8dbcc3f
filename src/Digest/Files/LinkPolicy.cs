using System.IO.Enumeration;
using Digest.Diagnostics;

namespace Digest.Files;

/// <summary>
/// Decides which links a listing of <c>input/</c> or <c>theme/</c> follows, for the build and the preview's watcher
/// alike. A link that leads out of the site folder is skipped with a warning unless the settings allow it, as in Jekyll's safe mode: a site handed over (or a theme's sample) must not publish
/// <c>~/.ssh</c> through a link. A folder link that leads back to a folder holding it, directly or through links
/// followed on the way, would be followed until the system gives up, so it is skipped with a warning.
/// </summary>
/// <param name="siteRoot">The site folder, full, ending with a separator.</param>
/// <param name="folder">The folder listed, <c>input</c> or <c>theme</c>, named in warnings.</param>
internal sealed class LinkPolicy(string siteRoot, string folder, bool followOutside, DiagnosticBag diagnostics)
{
    /// <summary>Each folder reached through a link, with the first link that led there.</summary>
    private readonly Dictionary<string, string> _followed = new(StringComparer.Ordinal);
    private readonly List<string> _links = [];
    private string? _realSite;

    /// <summary>Whether the listing met a link, followed or skipped.</summary>
    public bool Met { get; private set; }

    /// <summary>The site folder with every link on its path resolved, asked of the system once, at the first link.</summary>
    private string RealSite => _realSite ??= SymbolicLinks.RealPath(siteRoot) ?? Path.TrimEndingDirectorySeparator(siteRoot);

    /// <summary>Whether a folder of the listing is a followed link or lies inside one.</summary>
    public bool Holds(ReadOnlySpan<char> listed)
    {
        foreach (var link in _links)
        {
            if (listed.StartsWith(link, StringComparison.Ordinal)
                && (listed.Length == link.Length || listed[link.Length] == Path.DirectorySeparatorChar))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The folder links followed so far, as listed (full paths through the links followed on the way).</summary>
    public IReadOnlyList<string> Followed => _links;

    /// <summary>
    /// Every file under <paramref name="directory"/> that this policy lets be read, as full paths through the links
    /// followed, and <paramref name="directory"/> itself checked first when it is a link. Names starting with '.' are
    /// left out when <paramref name="skipDotNames"/>; <paramref name="collect"/> false lists nothing but still decides
    /// every link (for <see cref="Followed"/>).
    /// </summary>
    public List<string> Files(string directory, bool skipDotNames, bool collect = true)
    {
        var files = new List<string>();
        if (!Directory.Exists(directory) || (new DirectoryInfo(directory).LinkTarget is not null && !Follow(directory)))
        {
            return files;
        }

        var entries = new FileSystemEnumerable<bool>(directory, (ref FileSystemEntry entry) =>
            {
                if (collect)
                {
                    files.Add(entry.ToFullPath());
                }

                return true;
            },
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = skipDotNames ? FileAttributes.Hidden : 0 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && !(skipDotNames && entry.FileName.StartsWith('.'))
                && ((entry.Attributes & FileAttributes.ReparsePoint) == 0 || Read(entry.ToFullPath())),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !(skipDotNames && entry.FileName.StartsWith('.'))
                && ((entry.Attributes & FileAttributes.ReparsePoint) == 0 || Follow(entry.ToFullPath())),
        };
        foreach (var _ in entries)
        {
        }

        return files;
    }

    /// <summary>Whether the file a file link leads to is listed. One that leads nowhere is, so that reading it says so.</summary>
    public bool Read(string link)
    {
        Met = true;
        return SymbolicLinks.Destination(link) is not { } target || !LeadsOut(link, target);
    }

    public bool Follow(string link)
    {
        Met = true;
        if (SymbolicLinks.Destination(link) is not { } target)
        {
            return false;
        }

        if (LeadsOut(link, target))
        {
            return false;
        }

        // The folder holding the link as listed (input/a/b through the links followed) and as it really is.
        var holder = Path.GetDirectoryName(link)!;
        var loops = SymbolicLinks.IsSameOrInside(holder, target)
            || (SymbolicLinks.RealPath(holder) is { } realHolder && SymbolicLinks.IsSameOrInside(realHolder, target))
            || (_followed.TryGetValue(target, out var earlier) && SymbolicLinks.IsSameOrInside(link, earlier));
        if (loops)
        {
            diagnostics.Warning(Site(link), 0, 0, DiagnosticCodes.FolderLinkLoop,
                $"this link leads to {Shown(target)}, a folder that holds it, so following it would never end; it is skipped. Remove the link, or point it at a folder outside {folder}/.");
            return false;
        }

        _followed.TryAdd(target, link);
        _links.Add(link);
        return true;
    }

    /// <summary>Whether a link leads out of the site where the settings do not allow it; if so, says so.</summary>
    private bool LeadsOut(string link, string target)
    {
        if (followOutside || SymbolicLinks.IsSameOrInside(target, RealSite))
        {
            return false;
        }

        diagnostics.Warning(Site(link), 0, 0, DiagnosticCodes.LinkOutsideSite,
            $"this link leads to {target}, outside the site folder, so nothing is read through it. Set follow_links_outside: true in {SiteLayout.SettingsFile} to read it, or move what it leads to into the site.");
        return true;
    }

    private string Shown(string target) => SymbolicLinks.IsSameOrInside(target, RealSite)
        ? target[Math.Min(target.Length, RealSite.Length + 1)..].Replace(Path.DirectorySeparatorChar, '/')
        : target;

    private string Site(string path) => path[siteRoot.Length..].Replace(Path.DirectorySeparatorChar, '/');
}
