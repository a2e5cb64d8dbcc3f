using System.IO.Hashing;
using System.Text;

namespace Digest.Caching;

/// <summary>
/// Keeps two builds from writing the same thing at once: the same output folder (and its staging folder), or the
/// same cache. A lock is an exclusive open (flock on Linux) of a file named after what it guards, in the system's
/// temporary folder so that no lock file litters the site; the operating system releases it when the process ends,
/// even by a crash, so a stale lock never blocks a later build.
/// </summary>
internal sealed class BuildLock : IDisposable
{
    private readonly FileStream _file;

    private BuildLock(FileStream file) => _file = file;

    /// <summary>
    /// The lock on <paramref name="guardedPath"/>; or null with <paramref name="busy"/> set when another build holds it;
    /// or null alone when no lock file can be made (a read-only temporary folder): the build then goes on unguarded.
    /// </summary>
    public static BuildLock? TryAcquire(string guardedPath, out bool busy)
    {
        busy = false;
        // XxHash128, not a cryptographic hash: loading the system's crypto library cost every build 10 ms of start-up.
        var key = Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(Path.GetFullPath(guardedPath).TrimEnd(Path.DirectorySeparatorChar))));
        var folder = Path.Combine(Path.GetTempPath(), "digest-locks");
        try
        {
            Directory.CreateDirectory(folder);
            return new BuildLock(new FileStream(Path.Combine(folder, key + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            busy = true;
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
