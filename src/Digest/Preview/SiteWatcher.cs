using System.IO.Enumeration;
using Digest.Diagnostics;
using Digest.Files;

namespace Digest.Preview;

/// <summary>
/// Watches what a build reads: <c>digest.yml</c>, and <c>input/</c> and <c>theme/</c> recursively, and reports
/// each change as a site-relative path. The output folder is never watched (it is not under either folder), and
/// editors' temporary files are ignored. <c>input/</c> or <c>theme/</c> created later is picked up. A folder link that
/// leads out of the folder (a corpus kept elsewhere) is watched too, as a watcher does not follow links by itself: exactly
/// the links the build follows (<see cref="LinkPolicy"/>), so neither one that loops back (which would watch the whole
/// site) nor one out of the site unless <c>follow_links_outside</c> allows it.
/// </summary>
internal sealed class SiteWatcher : IDisposable
{
    private static readonly string[] WatchedFolders = [SiteLayout.InputFolder, SiteLayout.ThemeFolder];
    private readonly string _site;
    private readonly Action<string> _changed;
    private readonly Func<bool> _followLinksOutside;
    private bool _followingOutside;
    private readonly FileSystemWatcher _root;
    private readonly Dictionary<string, List<FileSystemWatcher>> _folders = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <param name="followLinksOutside">The setting <c>follow_links_outside</c> as digest.yml now says; asked again when it changes.</param>
    public SiteWatcher(string siteDirectory, Action<string> changed, Func<bool> followLinksOutside)
    {
        _site = Path.GetFullPath(siteDirectory);
        _changed = changed;
        _followLinksOutside = followLinksOutside;
        _followingOutside = followLinksOutside();
        _root = Start(_site, recursive: false, path => OnRootEvent(Path.GetFileName(path)), () => _changed(SiteLayout.SettingsFile));
        foreach (var folder in WatchedFolders)
        {
            WatchFolder(folder);
        }
    }

    public void Dispose()
    {
        _root.Dispose();
        lock (_gate)
        {
            foreach (var watcher in _folders.Values.SelectMany(w => w))
            {
                watcher.Dispose();
            }

            _folders.Clear();
        }
    }

    private void OnRootEvent(string name)
    {
        if (name == SiteLayout.SettingsFile)
        {
            var follow = _followLinksOutside();
            if (follow != _followingOutside)
            {
                // Links out of the site are now followed by the build, or no longer are.
                _followingOutside = follow;
                Array.ForEach(WatchedFolders, WatchFolder);
            }

            _changed(name);
        }
        else if (WatchedFolders.Contains(name))
        {
            WatchFolder(name);
            _changed(name);
        }
    }

    /// <summary>
    /// (Re)starts the watchers of input/ or theme/ and of the folder links in it, which die with their folder when that
    /// is deleted or renamed.
    /// </summary>
    private void WatchFolder(string folder)
    {
        lock (_gate)
        {
            if (_folders.Remove(folder, out var old))
            {
                old.ForEach(w => w.Dispose());
            }

            var path = Path.Combine(_site, folder);
            if (!Directory.Exists(path))
            {
                return;
            }

            _folders[folder] = [.. new[] { path }.Concat(LinksLeadingOut(folder)).Select(p => Watch(p, folder))];
        }
    }

    /// <summary>
    /// The folder links under <c>input/</c> or <c>theme/</c> that the build follows to folders outside it, decided as the
    /// build decides (the warnings are the build's to give).
    /// </summary>
    private List<string> LinksLeadingOut(string folder)
    {
        var path = Path.Combine(_site, folder);
        try
        {
            var links = new LinkPolicy(_site + Path.DirectorySeparatorChar, folder, _followingOutside, new DiagnosticBag());
            links.Files(path, skipDotNames: folder == SiteLayout.InputFolder, collect: false);
            var real = SymbolicLinks.RealPath(path) ?? path;
            return [.. links.Followed.Where(link => link != path
                && SymbolicLinks.RealPath(link) is { } target && !SymbolicLinks.IsSameOrInside(target, real))];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder removed while it was listed: its event comes next. Thrown from a watcher's event, it would end the preview.
            return [];
        }
    }

    private static bool IsFolderLink(string path)
    {
        try
        {
            return new DirectoryInfo(path).LinkTarget is not null && Directory.Exists(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <param name="folder">The watched folder it belongs to, reported when its events overflowed.</param>
    private FileSystemWatcher Watch(string path, string folder) =>
        Start(path, recursive: true, OnFileEvent, () => _changed(folder));

    /// <summary>A watcher that reports the full path of every file or folder made, changed, deleted or renamed.</summary>
    /// <param name="overflowed">Too many events at once (the buffer overflowed): some changes are unknown.</param>
    private static FileSystemWatcher Start(string path, bool recursive, Action<string> changed, Action overflowed)
    {
        var watcher = new FileSystemWatcher(path)
        {
            IncludeSubdirectories = recursive,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, e) => changed(e.FullPath);
        watcher.Created += (_, e) => changed(e.FullPath);
        watcher.Deleted += (_, e) => changed(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            changed(e.OldFullPath);
            changed(e.FullPath);
        };
        watcher.Error += (_, _) => overflowed();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void OnFileEvent(string fullPath)
    {
        var relative = Path.GetRelativePath(_site, fullPath).Replace('\\', '/');
        if (EditorFiles.IsIgnored(relative))
        {
            return;
        }

        var folder = relative.Split('/')[0];
        if (IsFolderLink(fullPath))
        {
            // A folder link made while the preview runs: watch what the build now follows, without a gap in the rest.
            lock (_gate)
            {
                if (_folders.TryGetValue(folder, out var watchers))
                {
                    foreach (var link in LinksLeadingOut(folder).Where(link => !watchers.Any(w => w.Path == link)))
                    {
                        watchers.Add(Watch(link, folder));
                    }
                }
            }
        }

        _changed(relative);
    }
}
