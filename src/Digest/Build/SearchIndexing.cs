using System.Diagnostics;
using Digest.Diagnostics;
using Digest.Hashing;
using Digest.Search;
using Digest.SiteModel;
using Digest.Writing;

namespace Digest.Build;

/// <summary>
/// The search index of <c>search: true</c>: Pagefind over the pages of articles and standalone pages as this build made
/// them, into <c>pagefind/</c> of the output, before the swap, so that the index always describes the site it is in.
/// The index is keyed by those pages' bytes and the Pagefind installed: with the same key, and the last build's index
/// intact, it is kept as it is and Pagefind does not run.
/// </summary>
internal static class SearchIndexing
{
    private const string Owner = "the search index (Pagefind)";

    public static void Write(BuildRun run, Site site, Pagefind pagefind, IReadOnlyList<PageSpec> pages, OutputWriter writer, OutputClaims claims)
    {
        var watch = Stopwatch.StartNew();
        var searchable = site.Articles.Concat(site.Pages).Select(a => a.Url).ToHashSet(StringComparer.Ordinal);
        var indexed = pages.Where(p => searchable.Contains(p.Url)).Select(p => (p.OutputPath, Made: writer.Made(p.OutputPath))).ToList();
        var key = new Fingerprint().AddHash(pagefind.Identity).Add(site.Settings.Language);
        foreach (var (path, made) in indexed)
        {
            key.Add(path).AddHash(made.ContentHash);
        }

        var indexKey = key.Value;
        const string prefix = Pagefind.BundleFolder + "/";
        if (writer.TryKeepAll(prefix, indexKey) is { } kept)
        {
            foreach (var path in kept)
            {
                claims.Claim(path, Owner);
            }

            run.Timings.Add("search index", kept.Count, watch.Elapsed);
            return;
        }

        var scratch = writer.NewScratchFolder();
        try
        {
            // Unchanged pages wait in the output until the commit, the rest in the staging folder: Pagefind reads them
            // from one folder of links (copies where links cannot be made), which holds only what is to be searched.
            var view = Path.Combine(scratch, "site");
            Parallel.ForEach(indexed, run.CpuBound, page =>
            {
                var link = Path.Combine(view, page.OutputPath);
                Directory.CreateDirectory(Path.GetDirectoryName(link)!);
                if (!NativeFiles.TryHardLink(page.Made.Location, link))
                {
                    File.Copy(page.Made.Location, link);
                }
            });

            var bundle = Path.Combine(scratch, "bundle");
            if (pagefind.Index(view, bundle, site.Settings.Language, run.CancellationToken) is { } failure)
            {
                run.Diagnostics.Error(SiteLayout.SettingsFile, 0, 0, DiagnosticCodes.SearchIndexFailed,
                    $"search: true, but Pagefind could not index the site: {failure}. Reinstall it (npm install pagefind in the site folder), or set search: false. The previous output is as it was.");
                return;
            }

            var files = Directory.GetFiles(bundle, "*", SearchOption.AllDirectories)
                .Select(f => prefix + Path.GetRelativePath(bundle, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
            Parallel.ForEach(files, run.CpuBound, path =>
            {
                if (claims.Claim(path, Owner))
                {
                    writer.Write(path, File.ReadAllBytes(Path.Combine(bundle, path[prefix.Length..])), indexKey);
                }
            });
            run.Work.SearchIndexed = true;
            run.Timings.Add("search index", files.Count, watch.Elapsed);
        }
        finally
        {
            OutputFolder.DeleteTree(scratch);
        }
    }
}
