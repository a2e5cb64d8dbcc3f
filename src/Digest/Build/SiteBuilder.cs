using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Digest.Configuration;
using Digest.Content;
using Digest.Diagnostics;
using Digest.Outputs;
using Digest.SiteModel;
using Digest.Templates;
using Scriban.Runtime;

namespace Digest.Build;

/// <summary>
/// The build, in Statiq's order: read and parse every input (parallel) → a barrier → the site model →
/// render every page (parallel) → write, then swap the output into place only if nothing failed.
/// A cold build is <c>new BuildSession(options).Build()</c>; <see cref="BuildSession"/> keeps what later builds of the
/// same site can reuse.
/// </summary>
public static class SiteBuilder
{
    public const string InputFolder = "input";
    public const string ThemeFolder = "theme";
    public static readonly string Generator = "Digest " + (typeof(SiteBuilder).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    public static BuildResult Build(BuildOptions options, CancellationToken cancellationToken = default) =>
        new BuildSession(options).Build(cancellationToken);

    internal static BuildResult Run(BuildOptions options, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var timings = new StageTimings();
        var site = Load(options, diagnostics, timings, cancellationToken);
        if (site is null || diagnostics.HasErrors)
        {
            return new BuildResult(diagnostics.ToSortedList(), timings, 0, 0);
        }

        var (written, unchanged) = Write(site.Value, options, diagnostics, timings, cancellationToken);
        return new BuildResult(diagnostics.ToSortedList(), timings, written, unchanged);
    }

    /// <summary>Settings, inputs, model and templates: everything before the first page is rendered.</summary>
    private static (Site Site, TemplateLibrary Templates, IReadOnlyList<string> StaticFiles)? Load(
        BuildOptions options, DiagnosticBag diagnostics, StageTimings timings, CancellationToken cancellationToken)
    {
        var root = options.SiteDirectory;
        if (!Directory.Exists(root))
        {
            diagnostics.Error(root, 0, 0, DiagnosticCodes.SiteNotFound, "the site folder does not exist. Pass --site with a folder that holds digest.yml and input/.");
            return null;
        }

        var settings = SettingsLoader.Load(root, options.SettingOverrides, diagnostics);
        CheckOutputFolder(options, diagnostics);

        var inputs = timings.Measure("scan", () => InputFiles.Scan(root), i => i.Articles.Count + i.Pages.Count + i.StaticFiles.Count);
        var defaults = DirectoryDefaults.Load(
            inputs.DirectoryDefaults.Select(p => (p, File.ReadAllText(Path.Combine(root, p)))), diagnostics);
        var reader = new ArticleReader(settings, new MarkdownRenderer(settings.AllowHtml, settings.BasePath), defaults);

        var articles = timings.Measure("read+parse", () =>
        {
            var read = new Article?[inputs.Articles.Count + inputs.Pages.Count];
            Parallel.For(0, read.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                var isPage = i >= inputs.Articles.Count;
                var path = isPage ? inputs.Pages[i - inputs.Articles.Count] : inputs.Articles[i];
                read[i] = reader.Read(path, File.ReadAllBytes(Path.Combine(root, path)), isPage, diagnostics);
            });
            var now = options.Clock.GetUtcNow();
            return read.OfType<Article>()
                .Where(a => options.Drafts || !a.Draft)
                .Where(a => options.Future || a.IsPage || a.Date <= now)
                .ToList();
        }, a => a.Count);

        var site = timings.Measure("model", () => SiteModelBuilder.Build(articles, settings, diagnostics), s => s.Articles.Count);
        var templates = timings.Measure("templates", () => TemplateLibrary.Load(new Theme(Path.Combine(root, ThemeFolder)), diagnostics),
            t => t.Theme.FileNames.Count);
        CheckLayouts(site, templates, diagnostics);
        return (site, templates, inputs.StaticFiles);
    }

    private static (int Written, int Unchanged) Write((Site Site, TemplateLibrary Templates, IReadOnlyList<string> StaticFiles) loaded,
        BuildOptions options, DiagnosticBag diagnostics, StageTimings timings, CancellationToken cancellationToken)
    {
        var (site, templates, staticFiles) = loaded;
        var urls = new UrlFunctions(site.Settings);
        using var writer = new OutputWriter(options.ResolvedOutputDirectory);
        var owners = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        void Emit(string path, string owner, ReadOnlySpan<byte> bytes)
        {
            var first = owners.GetOrAdd(path, owner);
            if (first != owner)
            {
                diagnostics.Error(owner, 0, 0, DiagnosticCodes.DuplicateUrl,
                    $"{owner} and {first} would both be written to /{path}. Rename or move one of them.");
                return;
            }

            writer.Write(path, bytes);
        }

        var model = timings.Measure("template model", () => new TemplateModel(site, Generator), _ => site.Articles.Count);
        var pages = SitePages.All(site, urls).ToList();
        var renderer = new PageRenderer(templates, Builtins(model, urls), options.StrictVariables);
        var watch = Stopwatch.StartNew();
        Parallel.ForEach(pages, new ParallelOptions { CancellationToken = cancellationToken }, renderer.CreateContext, (page, _, context) =>
        {
            var html = renderer.Render(context, page.Layout, page.Globals(model), page.Source, diagnostics);
            if (html is not null)
            {
                Emit(page.OutputPath, page.Source, Encoding.UTF8.GetBytes(html));
            }

            return context;
        }, _ => { });
        timings.Add("render+write pages", pages.Count, watch.Elapsed);

        watch.Restart();
        var feed = new FeedContext(site.Settings, urls, Generator);
        Emit("feed.xml", "feed.xml", AtomFeed.Write(feed, site.Settings.Title, "/feed.xml", "/", site.Articles));
        Emit("rss.xml", "rss.xml", RssFeed.Write(feed, site.Articles));
        Emit("feed.json", "feed.json", JsonFeed.Write(feed, site.Articles));
        if (site.Settings.TermFeeds)
        {
            Parallel.ForEach(site.Tags.Concat(site.Categories), term =>
                Emit(term.FeedUrl.TrimStart('/'), term.FeedUrl, AtomFeed.Write(feed, $"{site.Settings.Title}: {term.Name}", term.FeedUrl, term.Url, term.Articles)));
        }

        Emit("sitemap.xml", "sitemap.xml", Sitemap.Write(pages.Where(p => p.InSitemap).Select(p => (urls.AbsUrl(p.Url), p.LastModified))));
        Emit("robots.txt", "robots.txt", Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\n\nSitemap: {urls.AbsUrl("/sitemap.xml")}\n"));
        // GitHub Pages would otherwise run Jekyll over the output and drop files and folders starting with '_'.
        Emit(".nojekyll", ".nojekyll", []);
        timings.Add("feeds+sitemap", 4, watch.Elapsed);

        watch.Restart();
        var theme = templates.Theme;
        foreach (var asset in theme.FileNames.Where(n => n.StartsWith("assets/", StringComparison.Ordinal)))
        {
            Emit(asset, theme.DisplayPath(asset), theme.ReadBytes(asset));
        }

        Parallel.ForEach(staticFiles, file =>
            Emit(file[(InputFolder.Length + 1)..], file, File.ReadAllBytes(Path.Combine(options.SiteDirectory, file))));
        timings.Add("copy files", staticFiles.Count, watch.Elapsed);

        if (diagnostics.HasErrors)
        {
            return (0, 0);
        }

        watch.Restart();
        writer.Commit();
        timings.Add("commit", writer.Written, watch.Elapsed);
        return (writer.Written, writer.Unchanged);
    }

    private static ScriptObject Builtins(TemplateModel model, UrlFunctions urls)
    {
        var builtins = new ScriptObject { ["site"] = model.SiteObject };
        builtins.Import("url", new Func<string?, string>(urls.Url));
        builtins.Import("abs_url", new Func<string?, string>(urls.AbsUrl));
        return builtins;
    }

    private static void CheckLayouts(Site site, TemplateLibrary templates, DiagnosticBag diagnostics)
    {
        foreach (var article in site.Articles.Concat(site.Pages))
        {
            if (article.Source.Layout is { } layout && !templates.HasLayout(layout))
            {
                diagnostics.Error(article.Source.SourcePath, article.Source.LayoutLine, 1, DiagnosticCodes.UnknownLayout,
                    $"the layout '{layout}' does not exist. Use one of the theme's layouts, or add {ThemeFolder}/{TemplateLibrary.LayoutName(layout)}.");
            }
        }

        foreach (var layout in new[] { PageRenderer.BaseLayout, "home", "article", "page", "tag", "category", "tags", "categories", "day", "month", "year", "404" })
        {
            if (!templates.HasLayout(layout))
            {
                diagnostics.Error(ThemeFolder + "/" + TemplateLibrary.LayoutName(layout), 0, 0, DiagnosticCodes.MissingTemplate,
                    "the theme has no such layout. Restore the file, or copy it from the built-in theme.");
            }
        }
    }

    /// <summary>Stale files in the output are deleted, so the output must never be the site itself or hold its inputs.</summary>
    private static void CheckOutputFolder(BuildOptions options, DiagnosticBag diagnostics)
    {
        var output = options.ResolvedOutputDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var site = Path.GetFullPath(options.SiteDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var input = Path.Combine(site, InputFolder) + Path.DirectorySeparatorChar;
        var theme = Path.Combine(site, ThemeFolder) + Path.DirectorySeparatorChar;
        if (site.StartsWith(output, StringComparison.Ordinal) || output.StartsWith(input, StringComparison.Ordinal)
            || output.StartsWith(theme, StringComparison.Ordinal))
        {
            diagnostics.Error(options.ResolvedOutputDirectory, 0, 0, DiagnosticCodes.UsageError,
                "the output folder must not be the site folder, one of its parents, or inside input/ or theme/: Digest deletes files there that the build no longer makes. Choose another --output.");
        }
    }
}
