using Digest.Caching;
using Digest.Configuration;
using Digest.Content;
using Digest.Diagnostics;
using Digest.Outputs;
using Digest.Search;
using Digest.SiteModel;
using Digest.Templates;
using Digest.Writing;

namespace Digest.Build;

/// <summary>
/// The build, in Statiq's order: read and parse every input (parallel, <see cref="InputReader"/>) → a barrier → the site
/// model (<see cref="SiteModelBuilder"/>) → render every page (parallel, <see cref="PageRendering"/>) → write feeds, sitemap
/// and files, then swap the output into place only if nothing failed (<see cref="SiteWriter"/>).
/// Given what an earlier build left (<see cref="CachedBuild"/>, <see cref="SessionMemo"/>), it reads only files that
/// changed and renders only pages whose templates would see different values; the output is byte for byte what a cold
/// build makes. A cold build is <c>new BuildSession(options).Build()</c>.
/// </summary>
public static class SiteBuilder
{

    public static BuildResult Build(BuildOptions options, CancellationToken cancellationToken = default) =>
        new BuildSession(options).Build(cancellationToken);

    /// <param name="changed">Site-relative paths of every file or folder changed since the last build; null when unknown.</param>
    internal static BuildResult Run(BuildRun run, IReadOnlyCollection<string>? changed)
    {
        var loaded = Load(run, changed);
        if (loaded is null || run.Diagnostics.HasErrors)
        {
            return run.Failed();
        }

        if (loaded.Site is null)
        {
            return new BuildResult(run.Diagnostics.ToSortedList(), run.Timings, 0, run.Cached.Outputs.Count, []) { Work = run.Work };
        }

        var result = SiteWriter.WriteReportingFailures(run, loaded);
        // Recorded as done for the next build only if it said nothing beyond what loading settings and scanning say again:
        // a build that finds nothing changed reads no file, so it could not repeat what the files said.
        var recorded = result.Succeeded && loaded.InputDiagnostics.Count == 0
            && loaded.DiagnosticsBeforeSite.ToHashSet().IsSupersetOf(result.Diagnostics);
        var (siteKey, from, expires) = recorded
            ? (loaded.SiteKey, loaded.SiteKeyFrom, loaded.SiteKeyExpires)
            : (UInt128.Zero, DateTimeOffset.MaxValue, DateTimeOffset.MinValue);
        var cached = run.Cached;
        cached.Dirty |= cached.SiteKey != siteKey || cached.SiteKeyFrom != from || cached.SiteKeyExpires != expires;
        (cached.SiteKey, cached.SiteKeyFrom, cached.SiteKeyExpires) = (siteKey, from, expires);
        return result;
    }

    /// <summary>
    /// Settings, inputs, templates and model: everything before the first page is rendered. When the inputs, settings,
    /// theme and options are those of the last successful build, and its output is intact, there is nothing to build:
    /// the result then has no <see cref="LoadedSite.Site"/>.
    /// </summary>
    private static LoadedSite? Load(BuildRun run, IReadOnlyCollection<string>? changed)
    {
        var (options, cached, memo, diagnostics, timings) = (run.Options, run.Cached, run.Memo, run.Diagnostics, run.Timings);
        var root = options.SiteDirectory;
        if (!Directory.Exists(root))
        {
            diagnostics.Error(root, 0, 0, DiagnosticCodes.SiteNotFound, "the site folder does not exist. Pass --site with a folder that holds digest.yml and input/.");
            return null;
        }

        if (!File.Exists(Path.Combine(root, SiteLayout.SettingsFile)) && !Directory.Exists(Path.Combine(root, SiteLayout.InputFolder)))
        {
            diagnostics.Error(root, 0, 0, DiagnosticCodes.SiteNotFound,
                $"this folder holds neither {SiteLayout.SettingsFile} nor {SiteLayout.InputFolder}/, so it is not a site. Run digest in your site's folder, pass --site, or make a new site with digest init.");
            return null;
        }

        var settings = SettingsLoader.Load(root, options.SettingOverrides, diagnostics);
        var output = OutputFolder.Inspect(root, options.ResolvedOutputDirectory, settings.Keep, options.Force, diagnostics);

        var lastScan = memo.LastScan;
        // Cleared first: were the scan to fail, the changes this build was told of would be forgotten.
        memo.LastScan = null;
        var inputs = timings.Measure("scan",
            () => (lastScan is not null && changed is not null ? InputFiles.Rescan(root, lastScan, changed) : null)
                ?? InputFiles.Scan(root, diagnostics, InputReader.Unchanged(lastScan, changed), settings.FollowLinksOutside),
            i => i.Articles.Count + i.Pages.Count + i.StaticFiles.Count);
        memo.LastScan = inputs;
        var defaultsFiles = inputs.DirectoryDefaults.Select(p => (p, File.ReadAllText(Path.Combine(root, p)))).ToList();
        var defaults = DirectoryDefaults.Load(defaultsFiles, diagnostics);
        var readKey = BuildKeys.ReadKey(root, options.SettingOverrides, defaultsFiles);
        if (readKey != cached.ReadKey)
        {
            cached.ReadKey = readKey;
            cached.Inputs = new Dictionary<string, ParsedInput>(StringComparer.Ordinal);
            memo.LastSite = null;
        }

        var search = settings.Search ? Pagefind.Find(root) : null;
        if (settings.Search && search is null)
        {
            diagnostics.Warning(SiteLayout.SettingsFile, 0, 0, DiagnosticCodes.SearchToolMissing,
                $"search: true, but Pagefind is not installed (looked for {Pagefind.Locations}). Run 'npm install pagefind' in the site folder. The site is built without search.");
        }

        var theme = new Theme(Path.Combine(root, SiteLayout.ThemeFolder), settings.FollowLinksOutside, diagnostics);
        var themeKey = timings.Measure("theme", () => TemplateCache.KeyOf(theme), _ => theme.FileNames.Count);
        var siteKey = BuildKeys.SiteKey(options, readKey, inputs, themeKey, search?.Identity ?? UInt128.Zero);
        var now = options.Clock.GetUtcNow();
        // The same key as a successful build's means the same theme files, whose parse then reported no error.
        if (siteKey == cached.SiteKey && cached.SiteKeyFrom <= now && now < cached.SiteKeyExpires && !diagnostics.HasErrors
            && timings.Measure("check output", () => OutputWriter.AllIntact(options.ResolvedOutputDirectory, cached.OutputDirectory, cached.Outputs, options.PrivateOutput),
                _ => cached.Outputs.Count))
        {
            run.Work.OutputsVerified = cached.Outputs.Count;
            return new LoadedSite(null, null, null, output, inputs.StaticFiles, siteKey, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, [], [], now, null);
        }

        var templates = timings.Measure("templates", () => run.Templates.Load(theme, themeKey, diagnostics), t => t.Library.Theme.FileNames.Count);

        var reader = new ArticleReader(settings, new MarkdownRenderer(settings.AllowHtml, settings.BasePath), defaults, cached.Contents);
        var read = InputReader.ReadArticles(run, inputs, reader);
        foreach (var input in read)
        {
            foreach (var diagnostic in input.Diagnostics)
            {
                diagnostics.Add(diagnostic);
            }
        }

        // Which articles a date lets in changes only when the clock passes one of them: the newest shown, or the
        // first held back for its future date.
        var articles = new List<Article>();
        var (from, expires) = (DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        foreach (var article in read.Select(r => r.Article).OfType<Article>().Where(a => options.Drafts || !a.Draft))
        {
            if (options.Future || article.IsPage || article.Date <= now)
            {
                articles.Add(article);
                if (!options.Future && !article.IsPage && article.Date is { } shown && shown > from)
                {
                    from = shown;
                }
            }
            else if (article.Date is { } due && due < expires)
            {
                expires = due;
            }
        }

        // The Google News sitemap changes when an article's two days in it pass.
        if (settings.GoogleNews && articles.Where(a => !a.IsPage && a.Date > now - NewsSitemap.Window).Min(a => a.Date + NewsSitemap.Window) is { } leaves && leaves < expires)
        {
            expires = leaves;
        }

        var before = diagnostics.ToSortedList();
        var modelDiagnostics = new DiagnosticBag();
        var (site, patch) = timings.Measure("model", () => memo.LastSite is { } last && ModelPatcher.TryPatch(last, articles, settings, modelDiagnostics) is { } patched
            ? patched
            : (SiteModelBuilder.Build(articles, settings, modelDiagnostics), null), s => s.Item1.Articles.Count);
        run.Work.Model = patch is null ? ModelWork.Built : ModelWork.Revised;
        var reported = modelDiagnostics.ToSortedList();
        foreach (var diagnostic in reported)
        {
            diagnostics.Add(diagnostic);
        }

        // A model that reported something is not kept: one reused from it would not report it again.
        memo.LastSite = reported.Count == 0 ? site : null;
        LayoutCheck.Report(site, templates.Library, diagnostics);
        return new LoadedSite(site, patch, templates, output, inputs.StaticFiles, siteKey, from, expires, before, [.. read.SelectMany(r => r.Diagnostics)], now, search);
    }
}
