using System.IO.Hashing;
using System.Text;

namespace Digest.Build;

/// <summary>
/// Keeps two builds from writing the same thing at once: the same output folder (and its staging folder), or the
/// same cache. A lock is an exclusive open (flock on Linux) of a file named after what it guards, in a folder of the
/// user's own (mode 0700, in the runtime or temporary folder), so that no lock file litters the site and no other user
/// can plant or hold one. The file is removed when the build ends; the operating system releases the lock when the
/// process ends, even by a crash, so a stale file never blocks a later build.
/// </summary>
internal sealed class BuildLock : IDisposable
{
    private readonly FileStream _file;
    private readonly string _path;

    private BuildLock(FileStream file, string path) => (_file, _path) = (file, path);

    /// <summary>
    /// The lock on <paramref name="guardedPath"/>; or null with <paramref name="busy"/> set when another build holds it;
    /// or null alone when no lock file can be made (no private folder for it): the build then goes on unguarded.
    /// </summary>
    public static BuildLock? TryAcquire(string guardedPath, out bool busy)
    {
        busy = false;
        if (FileFor(guardedPath) is not { } path)
        {
            return null;
        }

        // A build that ends removes its file between another's open and lock: the other then holds a file no longer
        // there, and must lock the one at the path again.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            FileStream file;
            try
            {
                file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1,
                    OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None);
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
            catch (IOException)
            {
                busy = true;
                return null;
            }

            if (StillAtPath(file))
            {
                return new BuildLock(file, path);
            }

            file.Dispose();
        }

        busy = true;
        return null;
    }

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                File.Delete(_path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Only a leftover: the next build locks the same file.
            }
        }

        _file.Dispose();
    }

    /// <summary>The lock file of <paramref name="guardedPath"/>, in the user's private folder; null when there is none.</summary>
    internal static string? FileFor(string guardedPath)
    {
        // XxHash128, not a cryptographic hash: loading the system's crypto library cost every build 10 ms of start-up.
        var key = Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(Path.GetFullPath(guardedPath).TrimEnd(Path.DirectorySeparatorChar))));
        return PrivateFolder() is { } folder ? Path.Combine(folder, key + ".lock") : null;
    }

    /// <summary>The user's folder for lock files, made private to the user; null when there is none to be had.</summary>
    private static string? PrivateFolder()
    {
        var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        var parent = !string.IsNullOrEmpty(runtime) && Directory.Exists(runtime) ? runtime : Path.GetTempPath();
        var folder = Path.Combine(parent, "digest-locks-" + Environment.UserName);
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
                return folder;
            }

            var info = Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            // Another user's folder of that name, or one open to others, is not ours to trust.
            var shared = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
            return info.Attributes.HasFlag(FileAttributes.ReparsePoint) || (info.UnixFileMode & shared) != 0 ? null : folder;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether the locked file is still the one at its path, not one a finished build has just removed.</summary>
    private static bool StillAtPath(FileStream file)
    {
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }

        var open = $"/proc/self/fd/{file.SafeFileHandle.DangerousGetHandle()}";
        try
        {
            return new FileInfo(open).LinkTarget is { } target && !target.EndsWith(" (deleted)", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
