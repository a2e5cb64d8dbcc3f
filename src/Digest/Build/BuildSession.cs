using Digest.Bodies;
using Digest.Caching;
using Digest.Diagnostics;
using Digest.Templates;

namespace Digest.Build;

/// <summary>
/// Builds one site again and again (the preview keeps one session for as long as it runs). Every
/// <see cref="Build"/> produces exactly what a cold build of the same files would, while reading only the files
/// that changed and rendering only the pages whose templates would see different values. With
/// <see cref="BuildOptions.UseCache"/>, the first build starts from what <c>.digest-cache/</c> holds and (with
/// <see cref="BuildOptions.UpdateCache"/>) leaves there what it learnt, for the next process; later builds of the
/// session keep that in memory only, so that an edit in the preview does not wait for the cache file to be written.
/// </summary>
public sealed class BuildSession(BuildOptions options)
{
    private readonly TemplateCache _templates = new();
    private CachedBuild? _cached;

    public BuildOptions Options { get; } = options;

    /// <summary>What the session remembers between its builds, beside what it would keep on disk.</summary>
    internal SessionMemo Memo { get; } = new();

    /// <summary>
    /// Works out ahead what the next build after an edit would otherwise work out first (which pages show which
    /// article): for a caller with time to spare between builds, as the preview has while the writer reads.
    /// </summary>
    public void PrepareForEdits() => Memo.LastRender?.IndexPages();

    public BuildResult Build(CancellationToken cancellationToken = default) => Build(null, cancellationToken);

    /// <param name="changedSinceLastBuild">
    /// Site-relative paths of every file and folder changed since this session's last build (the preview's watcher
    /// knows them): other files' sizes and times are not asked of the system again. Null when unknown.
    /// </param>
    public BuildResult Build(IReadOnlyCollection<string>? changedSinceLastBuild, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        var timings = new StageTimings();
        var cacheFolder = Path.Combine(Options.SiteDirectory, SiteLayout.CacheFolder);
        if (Options.UseCache && File.Exists(cacheFolder))
        {
            diagnostics.Error(SiteLayout.CacheFolder, 0, 0, DiagnosticCodes.CacheFolderUnusable,
                "this is a file, where Digest keeps its build cache in a folder. Remove the file, or build with --no-cache.");
            return new BuildResult(diagnostics.ToSortedList(), timings, 0, 0, []);
        }

        using var outputLock = BuildLock.TryAcquire(Options.ResolvedOutputDirectory, out var outputBusy);
        var readCache = Options.UseCache && _cached is null;
        var cacheBusy = false;
        // Only a writer needs the lock: the file is replaced by a rename, so a reader sees the old or the new one whole.
        using var cacheLock = readCache && Options.UpdateCache && Directory.Exists(Options.SiteDirectory)
            ? BuildLock.TryAcquire(cacheFolder, out cacheBusy)
            : null;
        if (outputBusy || cacheBusy)
        {
            diagnostics.Error(Options.SiteDirectory, 0, 0, DiagnosticCodes.BuildLocked,
                "another build is running " + (outputBusy ? "into the same output folder" : "with the same cache")
                + ". Wait for it to finish, then build again.");
            return new BuildResult(diagnostics.ToSortedList(), timings, 0, 0, []);
        }

        var writeCache = cacheLock is not null;
        var cacheFile = Path.Combine(cacheFolder, BuildCacheFile.FileName);
        // A build that saves the cache parses bodies straight into a file the cache keeps.
        var contents = writeCache ? new ContentStore(cacheFolder) : new ContentStore();
        if (readCache && (writeCache || !Options.UpdateCache))
        {
            _cached = timings.Measure("load cache",
                () => BuildCacheFile.Load(cacheFile, SiteLayout.CacheFolder + "/" + BuildCacheFile.FileName, diagnostics, contents), s => s?.InputCount ?? 0);
        }

        _cached ??= new CachedBuild { Contents = contents };
        var result = SiteBuilder.Run(new BuildRun(Options, _cached, Memo, _templates, diagnostics, timings, cancellationToken), changedSinceLastBuild);
        // A build that read nothing and failed (not a site, a broken digest.yml) has nothing worth keeping.
        if (writeCache && (_cached.Dirty || !File.Exists(cacheFile)) && (result.Succeeded || _cached.InputCount > 0))
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            _cached.Dirty = !BuildCacheFile.Save(cacheFile, _cached);
            result.Work.CacheSaved = true;
            timings.Add("save cache", _cached.InputCount, watch.Elapsed);
        }

        return result;
    }
}
