namespace Digest.Caching;

/// <summary>
/// Keeps a second build of the same site from running while one is under way: both would write the same
/// staging folder, output and cache. The lock is an exclusive open of a file (flock on Linux), released when
/// the process ends, even by a crash, so a stale lock never blocks a later build.
/// </summary>
internal sealed class BuildLock : IDisposable
{
    public const string FileName = "build.lock";

    private readonly FileStream _file;

    private BuildLock(FileStream file) => _file = file;

    /// <summary>
    /// The lock; or null with <paramref name="busy"/> set when another build holds it; or null alone when the site
    /// folder cannot hold a lock file (read-only), in which case the build goes on unguarded and without a cache.
    /// </summary>
    public static BuildLock? TryAcquire(string cacheDirectory, out bool busy)
    {
        busy = false;
        try
        {
            Directory.CreateDirectory(cacheDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        try
        {
            return new BuildLock(new FileStream(Path.Combine(cacheDirectory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
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
    }

    public void Dispose() => _file.Dispose();
}
