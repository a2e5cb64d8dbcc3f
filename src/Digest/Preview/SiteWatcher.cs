using System.IO.Enumeration;
using Digest.Build;
using Digest.Configuration;

namespace Digest.Preview;

/// <summary>
/// Watches what a build reads: <c>digest.yml</c>, and <c>input/</c> and <c>theme/</c> recursively, and reports
/// each change as a site-relative path. The output folder is never watched (it is not under either folder), and
/// editors' temporary files are ignored. <c>input/</c> or <c>theme/</c> created later is picked up. A folder link that
/// leads out of the folder (a corpus kept elsewhere) is watched too: a watcher does not follow links by itself.
/// </summary>
internal sealed class SiteWatcher : IDisposable
{
    private static readonly string[] WatchedFolders = [SiteBuilder.InputFolder, SiteBuilder.ThemeFolder];
    private readonly string _site;
    private readonly Action<string> _changed;
    private readonly FileSystemWatcher _root;
    private readonly Dictionary<string, List<FileSystemWatcher>> _folders = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public SiteWatcher(string siteDirectory, Action<string> changed)
    {
        _site = Path.GetFullPath(siteDirectory);
        _changed = changed;
        _root = Start(_site, recursive: false, path => OnRootEvent(Path.GetFileName(path)), () => _changed(SettingsLoader.FileName));
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
        if (name == SettingsLoader.FileName)
        {
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

            _folders[folder] = [.. new[] { path }.Concat(LinksLeadingOut(path)).Select(p => Watch(p, folder))];
        }
    }

    /// <summary>Folder links under <paramref name="folder"/> to folders outside it; not followed further.</summary>
    private static List<string> LinksLeadingOut(string folder)
    {
        var links = new FileSystemEnumerable<string>(folder, (ref FileSystemEntry entry) => entry.ToFullPath(),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden, IgnoreInaccessible = true })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) != 0,
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        return [.. links.Where(link => LeadsOut(link, folder))];
    }

    private static bool LeadsOut(string link, string folder)
    {
        try
        {
            return Directory.ResolveLinkTarget(link, returnFinalTarget: true) is { } target
                && !(target.FullName + Path.DirectorySeparatorChar).StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Gone since its event, or a loop of links: nothing to watch. Thrown from a watcher's event, it would end the preview.
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
        if (Directory.Exists(fullPath) && LeadsOut(fullPath, Path.Combine(_site, folder)))
        {
            // A folder link made while the preview runs.
            lock (_gate)
            {
                if (_folders.TryGetValue(folder, out var watchers))
                {
                    watchers.Add(Watch(fullPath, folder));
                }
            }
        }

        _changed(relative);
    }
}
