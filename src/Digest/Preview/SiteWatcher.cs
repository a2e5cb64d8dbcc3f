using Digest.Build;
using Digest.Configuration;

namespace Digest.Preview;

/// <summary>
/// Watches what a build reads: <c>digest.yml</c>, and <c>input/</c> and <c>theme/</c> recursively, and reports
/// each change as a site-relative path. The output folder is never watched (it is not under either folder), and
/// editors' temporary files are ignored. <c>input/</c> or <c>theme/</c> created later is picked up.
/// </summary>
internal sealed class SiteWatcher : IDisposable
{
    private static readonly string[] WatchedFolders = [SiteBuilder.InputFolder, SiteBuilder.ThemeFolder];
    private readonly string _site;
    private readonly Action<string> _changed;
    private readonly FileSystemWatcher _root;
    private readonly Dictionary<string, FileSystemWatcher> _folders = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public SiteWatcher(string siteDirectory, Action<string> changed)
    {
        _site = Path.GetFullPath(siteDirectory);
        _changed = changed;
        _root = new FileSystemWatcher(_site)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _root.Changed += (_, e) => OnRootEvent(e.Name);
        _root.Created += (_, e) => OnRootEvent(e.Name);
        _root.Deleted += (_, e) => OnRootEvent(e.Name);
        _root.Renamed += (_, e) =>
        {
            OnRootEvent(e.OldName);
            OnRootEvent(e.Name);
        };
        _root.Error += (_, _) => _changed(SettingsLoader.FileName);
        _root.EnableRaisingEvents = true;
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
            foreach (var watcher in _folders.Values)
            {
                watcher.Dispose();
            }

            _folders.Clear();
        }
    }

    private void OnRootEvent(string? name)
    {
        if (name == SettingsLoader.FileName)
        {
            _changed(name);
        }
        else if (name is not null && WatchedFolders.Contains(name))
        {
            WatchFolder(name);
            _changed(name);
        }
    }

    /// <summary>(Re)starts the watcher of input/ or theme/, which dies with its folder when that is deleted or renamed.</summary>
    private void WatchFolder(string folder)
    {
        lock (_gate)
        {
            if (_folders.Remove(folder, out var old))
            {
                old.Dispose();
            }

            var path = Path.Combine(_site, folder);
            if (!Directory.Exists(path))
            {
                return;
            }

            var watcher = new FileSystemWatcher(path)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, e) => OnFileEvent(e.FullPath);
            watcher.Created += (_, e) => OnFileEvent(e.FullPath);
            watcher.Deleted += (_, e) => OnFileEvent(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                OnFileEvent(e.OldFullPath);
                OnFileEvent(e.FullPath);
            };
            // Too many events at once (the buffer overflowed): some changes are unknown, so rebuild anyway.
            watcher.Error += (_, _) => _changed(folder);
            watcher.EnableRaisingEvents = true;
            _folders[folder] = watcher;
        }
    }

    private void OnFileEvent(string fullPath)
    {
        var relative = Path.GetRelativePath(_site, fullPath).Replace('\\', '/');
        if (!EditorFiles.IsIgnored(relative))
        {
            _changed(relative);
        }
    }
}
