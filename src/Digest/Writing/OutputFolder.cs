using System.IO.Enumeration;
using Digest.Diagnostics;
using Digest.Files;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Digest.Writing;

/// <summary>
/// The output folder as a build finds it, looked at before anything is read or written: where it really is, whether
/// a build may write there at all (never into the site's sources, the home folder or '/'), and which of its files an
/// earlier Digest build wrote (<see cref="OutputManifest"/>). A build replaces those, and only those; every other
/// file (a user's CNAME, a file listed under <c>keep:</c>, anything else) is kept.
/// </summary>
internal sealed class OutputFolder
{
    private readonly Matcher _keep;

    private OutputFolder(string path, HashSet<string>? owned, Matcher keep, bool force)
    {
        Path = path;
        Owned = owned ?? new HashSet<string>(StringComparer.Ordinal);
        _keep = keep;
        Force = force;
    }

    /// <summary>Where the output really is, every link on the way followed.</summary>
    public string Path { get; }

    /// <summary>The files an earlier build wrote here, by '/'-separated relative path.</summary>
    public IReadOnlySet<string> Owned { get; }

    /// <summary>Files no build wrote may be replaced by the build's files of the same name.</summary>
    public bool Force { get; }

    /// <summary>Where the build's files wait until they are all written, beside the output.</summary>
    public string Staging => Beside("staging");

    /// <summary>Where the previous site waits while the new one takes its name, on systems that cannot swap two folders.</summary>
    public string Previous => Beside("previous");

    /// <summary>A file of the output that no build deletes or replaces: CNAME, and what <c>keep:</c> lists.</summary>
    public bool IsKept(string relativePath) => relativePath == "CNAME" || _keep.Match(relativePath).HasMatches;

    /// <summary>
    /// The output folder of a build, or null with an error reported when the build must not write there: it is, holds
    /// or lies in the site's sources, the home folder or '/'; it is a file; or it holds files that no Digest build wrote
    /// and <paramref name="force"/> is not set. Repairs what a killed build left beside it.
    /// </summary>
    public static OutputFolder? Inspect(string siteDirectory, string outputDirectory, IReadOnlyList<string> keep, bool force, DiagnosticBag diagnostics)
    {
        var real = SymbolicLinks.Destination(outputDirectory);
        if (real is null)
        {
            diagnostics.Error(outputDirectory, 0, 0, DiagnosticCodes.DangerousOutput,
                "the output folder's path goes through symbolic links that loop. Remove the loop, or choose another --output.");
            return null;
        }

        if (Dangerous(siteDirectory, real) is { } why)
        {
            diagnostics.Error(outputDirectory, 0, 0, DiagnosticCodes.DangerousOutput,
                $"the output folder {why}. A build replaces the output folder's files, so it must lie apart from the site's sources. Choose another --output, such as output/ in the site.");
            return null;
        }

        for (var folder = real; folder is not null; folder = System.IO.Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder))
            {
                diagnostics.Error(outputDirectory, 0, 0, DiagnosticCodes.OutputWriteFailed,
                    (folder == real ? "the output folder is a file" : $"the output folder would lie inside {folder}, which is a file")
                    + ", not a folder. Move the file away, or choose another --output.");
                return null;
            }
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(keep);
        var candidate = new OutputFolder(real, null, matcher, force);
        candidate.RepairAfterKill();
        if (!Directory.Exists(real))
        {
            return candidate;
        }

        var owned = OutputManifest.Read(real, out var damaged);
        if (owned is not null)
        {
            return new OutputFolder(real, owned, matcher, force);
        }

        var foreign = OutputTree.Scan(real).Entries.Keys.Where(p => !candidate.IsKept(p)).Order(StringComparer.Ordinal).FirstOrDefault();
        if (foreign is not null && !force)
        {
            diagnostics.Error(outputDirectory, 0, 0, DiagnosticCodes.ForeignOutput,
                (damaged
                    ? $"its {OutputManifest.FileName}, the list of the files Digest wrote here, is damaged, so Digest cannot tell its files from others (such as {foreign})"
                    : $"this folder holds files that no Digest build wrote (such as {foreign})")
                + ", and a build replaces files here. Choose an empty folder or output/ in the site, or pass --force to build into it anyway: Digest then replaces only files of the same names as the site's, and keeps every other.");
            return null;
        }

        return candidate;
    }

    /// <summary>What is wrong with writing into <paramref name="output"/> (a real path), or null when nothing is.</summary>
    private static string? Dangerous(string siteDirectory, string output)
    {
        var site = SymbolicLinks.Destination(siteDirectory) ?? System.IO.Path.GetFullPath(siteDirectory);
        string Real(string name) => SymbolicLinks.Destination(System.IO.Path.Combine(site, name)) ?? System.IO.Path.Combine(site, name);
        foreach (var (name, what) in new[] { ("input", "input/"), ("theme", "theme/"), (".git", ".git/"), (".digest-cache", "the build cache") })
        {
            var folder = Real(name);
            if (SymbolicLinks.IsSameOrInside(output, folder))
            {
                return $"is or lies inside the site's {what} ({folder})";
            }

            if (SymbolicLinks.IsSameOrInside(folder, output))
            {
                return $"holds the site's {what} ({folder})";
            }
        }

        if (SymbolicLinks.IsSameOrInside(site, output))
        {
            return output == site ? "is the site folder itself" : $"holds the site folder ({site})";
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0 && SymbolicLinks.IsSameOrInside(SymbolicLinks.Destination(home) ?? home, output))
        {
            return "is or holds your home folder";
        }

        return output == System.IO.Path.GetPathRoot(output) ? "is the root of the file system" : null;
    }

    /// <summary>
    /// A build killed between its two renames left the previous site beside a missing output: it goes back. A build
    /// killed earlier left staging files, and one killed after its swap left the previous site at the staging name:
    /// both are only Digest's own leftovers.
    /// </summary>
    private void RepairAfterKill()
    {
        if (Path.Length == 0 || System.IO.Path.GetDirectoryName(Path) is not { } parent || !Directory.Exists(parent))
        {
            return;
        }

        if (!Directory.Exists(Path) && Directory.Exists(Previous))
        {
            Directory.Move(Previous, Path);
        }

        DeleteTree(Previous);
        DeleteTree(Staging);
    }

    /// <summary>Deletes a folder and what it holds without following a link: a link is removed, never its target.</summary>
    public static void DeleteTree(string path)
    {
        var info = new DirectoryInfo(path);
        if (info.Attributes.HasFlag(FileAttributes.ReparsePoint) || File.Exists(path))
        {
            File.Delete(path);
        }
        else if (info.Exists)
        {
            info.Delete(recursive: true);
        }
    }

    private string Beside(string role) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path) ?? Path, "." + System.IO.Path.GetFileName(Path) + ".digest-" + role);
}

/// <summary>What an output folder holds, listed without following a single symbolic link.</summary>
/// <param name="Entries">Every file, link and empty folder, by '/'-separated relative path.</param>
internal sealed record OutputTree(Dictionary<string, OutputEntry> Entries)
{
    public static OutputTree Scan(string folder)
    {
        var entries = new Dictionary<string, OutputEntry>(StringComparer.Ordinal);
        var parents = new HashSet<string>(StringComparer.Ordinal);
        var scan = new FileSystemEnumerable<(string Path, OutputEntry Kind)>(folder,
            (ref entry) => (entry.ToFullPath(), entry.Attributes.HasFlag(FileAttributes.ReparsePoint) ? OutputEntry.Link
                : entry.IsDirectory ? OutputEntry.Folder : OutputEntry.File),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldRecursePredicate = (ref entry) => !entry.Attributes.HasFlag(FileAttributes.ReparsePoint),
        };
        foreach (var (path, kind) in scan)
        {
            var relative = System.IO.Path.GetRelativePath(folder, path).Replace('\\', '/');
            if (relative == OutputManifest.FileName)
            {
                continue;
            }

            entries[relative] = kind;
            if (relative.LastIndexOf('/') is var slash and > 0)
            {
                parents.Add(relative[..slash]);
            }
        }

        foreach (var parent in parents)
        {
            entries.Remove(parent);
        }

        return new OutputTree(entries);
    }

    /// <summary>Whether <paramref name="relativePath"/> is a plain file reached through real folders only.</summary>
    public bool IsPlainFile(string relativePath) => Entries.TryGetValue(relativePath, out var kind) && kind == OutputEntry.File;
}

internal enum OutputEntry
{
    File,
    Link,
    /// <summary>An empty folder; folders that hold something are known by what they hold.</summary>
    Folder,
}
