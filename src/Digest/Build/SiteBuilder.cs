using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using Digest.Caching;
using Digest.Configuration;
using Digest.Content;
using Digest.Diagnostics;
using Digest.Outputs;
using Digest.SiteModel;
using Digest.Templates;
using Digest.Writing;
using Scriban;
using Scriban.Runtime;

namespace Digest.Build;

/// <summary>
/// The build, in Statiq's order: read and parse every input (parallel) → a barrier → the site model →
/// render every page (parallel) → write, then swap the output into place only if nothing failed.
/// Given the <see cref="BuildState"/> of an earlier build, it reads only files that changed and renders only pages
/// whose templates would see different values; the output is byte for byte what a cold build makes.
/// A cold build is <c>new BuildSession(options).Build()</c>.
/// </summary>
public static class SiteBuilder
{
    public const string InputFolder = "input";
    public const string ThemeFolder = "theme";

    /// <summary>
    /// "Digest 0.2.0": the package version, which comes from the release's git tag (the informational version without the
    /// <c>+commit</c> the SDK appends; the assembly version is only the major version, for binding).
    /// </summary>
    public static readonly string Generator = "Digest " + PackageVersion();

    /// <summary>Files are read in batches of this many: bounded memory, and separate stage timings.</summary>
    private const int ReadBatchSize = 1024;

    public static BuildResult Build(BuildOptions options, CancellationToken cancellationToken = default) =>
        new BuildSession(options).Build(cancellationToken);

    private static string PackageVersion()
    {
        var informational = typeof(SiteBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }

    /// <param name="changed">Site-relative paths of every file or folder changed since the last build; null when unknown.</param>
    internal static BuildResult Run(BuildOptions options, BuildState state, TemplateCache templateCache, IReadOnlyCollection<string>? changed,
        DiagnosticBag diagnostics, StageTimings timings, CancellationToken cancellationToken)
    {
        var loaded = Load(options, state, templateCache, changed, diagnostics, timings, cancellationToken);
        if (loaded is null || diagnostics.HasErrors)
        {
            return new BuildResult(diagnostics.ToSortedList(), timings, 0, 0, []);
        }

        if (loaded.Site is null)
        {
            return new BuildResult(diagnostics.ToSortedList(), timings, 0, state.Outputs.Count, []);
        }

        var result = WriteReportingFailures(loaded, options, state, diagnostics, timings, cancellationToken);
        // Recorded as done for the next build only if it said nothing beyond what loading settings and scanning say again:
        // a build that finds nothing changed reads no file, so it could not repeat what the files said.
        var recorded = result.Succeeded && loaded.InputDiagnostics.Count == 0
            && loaded.DiagnosticsBeforeSite.ToHashSet().IsSupersetOf(result.Diagnostics);
        var (siteKey, from, expires) = recorded
            ? (loaded.SiteKey, loaded.SiteKeyFrom, loaded.SiteKeyExpires)
            : (UInt128.Zero, DateTimeOffset.MaxValue, DateTimeOffset.MinValue);
        state.Dirty |= state.SiteKey != siteKey || state.SiteKeyFrom != from || state.SiteKeyExpires != expires;
        (state.SiteKey, state.SiteKeyFrom, state.SiteKeyExpires) = (siteKey, from, expires);
        return result;
    }

    /// <summary>
    /// Settings, inputs, templates and model: everything before the first page is rendered. When the inputs, settings,
    /// theme and options are those of the last successful build, and its output is intact, there is nothing to build:
    /// the result then has no <see cref="LoadedSite.Site"/>.
    /// </summary>
    private static LoadedSite? Load(BuildOptions options, BuildState state, TemplateCache templateCache, IReadOnlyCollection<string>? changed,
        DiagnosticBag diagnostics, StageTimings timings, CancellationToken cancellationToken)
    {
        var root = options.SiteDirectory;
        if (!Directory.Exists(root))
        {
            diagnostics.Error(root, 0, 0, DiagnosticCodes.SiteNotFound, "the site folder does not exist. Pass --site with a folder that holds digest.yml and input/.");
            return null;
        }

        if (!File.Exists(Path.Combine(root, SettingsLoader.FileName)) && !Directory.Exists(Path.Combine(root, InputFolder)))
        {
            diagnostics.Error(root, 0, 0, DiagnosticCodes.SiteNotFound,
                $"this folder holds neither {SettingsLoader.FileName} nor {InputFolder}/, so it is not a site. Run digest in your site's folder, pass --site, or make a new site with digest init.");
            return null;
        }

        var settings = SettingsLoader.Load(root, options.SettingOverrides, diagnostics);
        var output = OutputFolder.Inspect(root, options.ResolvedOutputDirectory, settings.Keep, options.Force, diagnostics);

        var lastScan = state.LastScan;
        // Cleared first: were the scan to fail, the changes this build was told of would be forgotten.
        state.LastScan = null;
        var inputs = timings.Measure("scan",
            () => (lastScan is not null && changed is not null ? InputFiles.Rescan(root, lastScan, changed) : null)
                ?? InputFiles.Scan(root, diagnostics, Unchanged(lastScan, changed), settings.FollowLinksOutside),
            i => i.Articles.Count + i.Pages.Count + i.StaticFiles.Count);
        state.LastScan = inputs;
        var defaultsFiles = inputs.DirectoryDefaults.Select(p => (p, File.ReadAllText(Path.Combine(root, p)))).ToList();
        var defaults = DirectoryDefaults.Load(defaultsFiles, diagnostics);
        var readKey = ReadKey(root, options.SettingOverrides, defaultsFiles);
        if (readKey != state.ReadKey)
        {
            state.ReadKey = readKey;
            state.Inputs = new Dictionary<string, ParsedInput>(StringComparer.Ordinal);
            state.LastSite = null;
        }

        var theme = new Theme(Path.Combine(root, ThemeFolder), settings.FollowLinksOutside, diagnostics);
        var themeKey = timings.Measure("theme", () => TemplateCache.KeyOf(theme), _ => theme.FileNames.Count);
        var siteKey = SiteKey(options, readKey, inputs, themeKey);
        var now = options.Clock.GetUtcNow();
        // The same key as a successful build's means the same theme files, whose parse then reported no error.
        if (siteKey == state.SiteKey && state.SiteKeyFrom <= now && now < state.SiteKeyExpires && !diagnostics.HasErrors
            && timings.Measure("check output", () => OutputWriter.AllIntact(options.ResolvedOutputDirectory, state.OutputDirectory, state.Outputs, options.PrivateOutput),
                _ => state.Outputs.Count))
        {
            return new LoadedSite(null, null, null, output, inputs.StaticFiles, siteKey, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, [], []);
        }

        var templates = timings.Measure("templates", () => templateCache.Load(theme, themeKey, diagnostics), t => t.Library.Theme.FileNames.Count);

        var reader = new ArticleReader(settings, new MarkdownRenderer(settings.AllowHtml, settings.BasePath), defaults, state.Contents);
        var read = ReadArticles(root, inputs, reader, state, diagnostics, timings, cancellationToken);
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

        var before = diagnostics.ToSortedList();
        var modelDiagnostics = new DiagnosticBag();
        var (site, patch) = timings.Measure("model", () => SiteModelBuilder.Build(articles, settings, modelDiagnostics, state.LastSite), s => s.Site.Articles.Count);
        var reported = modelDiagnostics.ToSortedList();
        foreach (var diagnostic in reported)
        {
            diagnostics.Add(diagnostic);
        }

        // A model that reported something is not kept: one reused from it would not report it again.
        state.LastSite = reported.Count == 0 ? site : null;
        CheckLayouts(site, templates.Library, diagnostics);
        return new LoadedSite(site, patch, templates, output, inputs.StaticFiles, siteKey, from, expires, before, [.. read.SelectMany(r => r.Diagnostics)]);
    }

    /// <summary>A file's size and time from the last scan, unless a change since names it or a folder holding it.</summary>
    private static Func<string, (long Length, long WriteTicks)?>? Unchanged(InputFiles? lastScan, IReadOnlyCollection<string>? changed)
    {
        if (lastScan is null || changed is null)
        {
            return null;
        }

        var names = new HashSet<string>(changed, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        return path =>
        {
            for (var part = path.AsSpan(); ; part = part[..part.LastIndexOf('/')])
            {
                if (names.Contains(part))
                {
                    return null;
                }

                if (!part.Contains('/'))
                {
                    return lastScan.Stamps.TryGetValue(path, out var stamp) ? stamp : null;
                }
            }
        };
    }

    /// <summary>
    /// Reads every article and page, reusing what the state holds for files whose size and time, or else whose
    /// bytes, are unchanged. The state is updated to exactly the current files.
    /// </summary>
    /// <param name="diagnostics">Where files that cannot be read at all are reported.</param>
    private static ParsedInput[] ReadArticles(string root, InputFiles inputs, ArticleReader reader, BuildState state, DiagnosticBag diagnostics,
        StageTimings timings, CancellationToken cancellationToken)
    {
        var paths = inputs.Articles.Concat(inputs.Pages).ToArray();
        var results = new ParsedInput[paths.Length];
        var toParse = new List<int>();
        var readTime = TimeSpan.Zero;
        var parseTime = TimeSpan.Zero;
        var parsed = 0;
        var parallel = CpuBound(cancellationToken);

        var watch = Stopwatch.StartNew();
        // Decoded from the cache here, if not yet, so that damage found doing so is reported by this build.
        _ = state.Inputs;
        BuildCacheFile.ReportInputsDamage(state, diagnostics);
        for (var i = 0; i < paths.Length; i++)
        {
            var stamp = inputs.Stamps[paths[i]];
            if (state.Inputs.TryGetValue(paths[i], out var known) && known.Length == stamp.Length && known.WriteTicks == stamp.WriteTicks)
            {
                results[i] = known;
            }
            else
            {
                toParse.Add(i);
            }
        }

        readTime += watch.Elapsed;
        for (var start = 0; start < toParse.Count; start += ReadBatchSize)
        {
            var batch = toParse.GetRange(start, Math.Min(ReadBatchSize, toParse.Count - start));
            var bytes = new byte[]?[batch.Count];
            watch.Restart();
            Parallel.For(0, batch.Count, parallel, b => bytes[b] = InputFiles.Read(root, paths[batch[b]], diagnostics));
            readTime += watch.Elapsed;

            watch.Restart();
            Parallel.For(0, batch.Count, parallel, b =>
            {
                var i = batch[b];
                var path = paths[i];
                var stamp = inputs.Stamps[path];
                if (bytes[b] is not { } data)
                {
                    // Length -1 matches no file: it is read (and reported) again next time, when what it links to may be back.
                    results[i] = new ParsedInput(-1, 0, UInt128.Zero, null, []);
                    return;
                }

                var hash = Fingerprint.Of(data);
                if (state.Inputs.TryGetValue(path, out var known) && known.ContentHash == hash)
                {
                    results[i] = known with { Length = stamp.Length, WriteTicks = stamp.WriteTicks };
                    return;
                }

                Interlocked.Increment(ref parsed);
                var own = new DiagnosticBag();
                var article = reader.Read(path, bytes[b], isPage: i >= inputs.Articles.Count, own);
                results[i] = new ParsedInput(stamp.Length, stamp.WriteTicks, hash, article, own.ToSortedList());
            });
            parseTime += watch.Elapsed;
        }

        state.Dirty |= toParse.Count > 0 || state.Inputs.Count != paths.Length;
        state.Inputs = new Dictionary<string, ParsedInput>(StringComparer.Ordinal);
        for (var i = 0; i < paths.Length; i++)
        {
            state.Inputs[paths[i]] = results[i];
        }

        timings.Add("read", toParse.Count, readTime);
        timings.Add("parse", parsed, parseTime);
        return results;
    }

    /// <summary>
    /// Everything the whole output depends on: how files are read (settings, folder defaults, the tool), the theme, the
    /// options, the output folder, and the size and time of every input file. The clock matters only through the dates
    /// of articles, which <see cref="BuildState.SiteKeyFrom"/> and <see cref="BuildState.SiteKeyExpires"/> cover.
    /// </summary>
    private static UInt128 SiteKey(BuildOptions options, UInt128 readKey, InputFiles inputs, UInt128 themeKey)
    {
        var key = new Fingerprint().AddHash(readKey).AddHash(themeKey).Add(options.ResolvedOutputDirectory)
            .Add(options.Drafts ? 1 : 0).Add(options.Future ? 1 : 0).Add(options.StrictVariables ? 1 : 0);
        // Every file is in one of the lists, each already sorted.
        foreach (var path in inputs.Articles.Concat(inputs.Pages).Concat(inputs.DirectoryDefaults).Concat(inputs.StaticFiles))
        {
            var (length, writeTicks) = inputs.Stamps[path];
            key.Add(path).Add(length).Add(writeTicks);
        }

        return key.Value;
    }

    /// <summary>Everything that decides what reading a file gives besides its own bytes: settings, folder defaults, the tool.</summary>
    private static UInt128 ReadKey(string root, IReadOnlyList<KeyValuePair<string, string>> overrides, IEnumerable<(string Path, string Text)> defaults)
    {
        var key = new Fingerprint().AddHash(BuildCacheFile.ToolKey);
        var settingsFile = Path.Combine(root, SettingsLoader.FileName);
        key.Add(File.Exists(settingsFile) ? File.ReadAllText(settingsFile) : null);
        foreach (var (name, value) in overrides)
        {
            key.Add(name).Add(value);
        }

        foreach (var (path, text) in defaults)
        {
            key.Add(path).Add(text);
        }

        return key.Value;
    }

    /// <summary>A file that cannot be written (a full disk, a read-only folder) is an error naming the folder, and the previous output stays.</summary>
    private static BuildResult WriteReportingFailures(LoadedSite loaded, BuildOptions options, BuildState state, DiagnosticBag diagnostics,
        StageTimings timings, CancellationToken cancellationToken)
    {
        try
        {
            return Write(loaded, options, state, diagnostics, timings, cancellationToken);
        }
        catch (Exception ex) when (WriteFailure(ex) is { } failure)
        {
            state.LastRender = null;
            var advice = failure.HResult == 28 // ENOSPC
                ? "The disk is full: free some space, or choose another --output."
                : "Check that the folder and the one it is in may be written (permissions, a read-only disk), or choose another --output.";
            diagnostics.Error(options.ResolvedOutputDirectory, 0, 0, DiagnosticCodes.OutputWriteFailed,
                $"cannot write the output: {failure.Message.TrimEnd('.')}. {advice} The previous output is as it was.");
            return new BuildResult(diagnostics.ToSortedList(), timings, 0, 0, []);
        }
    }

    /// <summary>
    /// One worker per core: parsing and rendering never wait, and a pool that adds threads while long items run (a
    /// 4 MB article takes seconds) would hold that many articles' syntax trees at once: six such articles took 2.5 GB.
    /// </summary>
    private static ParallelOptions CpuBound(CancellationToken cancellationToken) =>
        new() { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };

    private static Exception? WriteFailure(Exception ex) => ex switch
    {
        IOException or UnauthorizedAccessException => ex,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.Select(WriteFailure).FirstOrDefault(e => e is not null),
        _ => null,
    };

    private static BuildResult Write(LoadedSite loaded, BuildOptions options, BuildState state, DiagnosticBag diagnostics,
        StageTimings timings, CancellationToken cancellationToken)
    {
        var (site, templates, staticFiles) = (loaded.Site!, loaded.Templates!, loaded.StaticFiles);
        var urls = new UrlFunctions(site.Settings);
        var outputDirectory = options.ResolvedOutputDirectory;
        using var writer = new OutputWriter(loaded.Output!, state.OutputDirectory == outputDirectory ? state.Outputs : null, options.PrivateOutput);
        var owners = new ConcurrentDictionary<string, string>(Environment.ProcessorCount, state.Outputs.Count, StringComparer.Ordinal);
        bool Claim(string path, string owner)
        {
            var first = owners.GetOrAdd(path, owner);
            if (first != owner)
            {
                diagnostics.Error(owner, 0, 0, DiagnosticCodes.DuplicateUrl,
                    $"{owner} and {first} would both be written to /{path}. Rename or move one of them.");
                return false;
            }

            return true;
        }

        void Emit(string path, string owner, ReadOnlySpan<byte> bytes)
        {
            if (Claim(path, owner))
            {
                writer.Write(path, bytes);
            }
        }

        var model = timings.Measure("template model", () => new TemplateModel(site, Generator), _ => site.Articles.Count);
        var everyPage = new Fingerprint().AddHash(templates.Key).Add(options.StrictVariables ? 1 : 0).AddHash(ScriptValueHasher.Hash(model.SiteObject)).Value;
        var pages = timings.Measure("pages", () => SitePages.All(site, urls).ToList(), p => p.Count);
        var everyPageAndReading = new Fingerprint().AddHash(everyPage).AddHash(state.ReadKey).Value;
        var patch = loaded.Patch;
        // Only a build that commits leaves a memo: its keys are then those of the output.
        var memo = state.LastRender is { } last && last.Fits(patch, everyPageAndReading) ? last : null;
        state.LastRender = null;
        var readAgain = memo?.ReadAgain(site) ?? [];
        var keys = timings.Measure("model keys", () => new ModelKeys(site, everyPageAndReading, SourceHashes(state.Inputs),
            memo is null ? null : (memo.Keys, readAgain.Concat(patch!.Retermed))), _ => memo is null ? site.Articles.Count : readAgain.Count + patch!.Retermed.Count);
        var stale = memo?.Stale(site, readAgain, patch!, keys);
        var renderer = new PageRenderer(templates.Library, Builtins(model, urls), options.StrictVariables);
        var pageKeys = RenderPages(pages, model, keys, memo is null ? null : page => memo.KeyOf(page, stale!), everyPage, renderer, writer, state.OutputKeys,
            Claim, diagnostics, timings, cancellationToken);
        var outputKeys = new Dictionary<string, UInt128>(pages.Count, StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            outputKeys[pages[i].OutputPath] = pageKeys[i];
        }

        // A feed or sitemap made from the same inputs as in the last build is kept without being made again.
        void EmitMade(string path, string owner, Fingerprint inputs, Action<Stream> make)
        {
            if (!Claim(path, owner))
            {
                return;
            }

            var key = inputs.AddHash(keys.EveryPage).Add(path).Value;
            lock (outputKeys)
            {
                outputKeys[path] = key;
            }

            if (!(state.OutputKeys.TryGetValue(path, out var before) && before == key && writer.TryKeep(path)))
            {
                var buffer = state.OutputBuffers.TryTake(out var kept) ? kept : new MemoryStream();
                buffer.SetLength(0);
                make(buffer);
                writer.Write(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
                state.OutputBuffers.Add(buffer);
            }
        }

        var watch = Stopwatch.StartNew();
        var feed = new FeedContext(site.Settings, urls, Generator);
        // A feed shows only its newest articles: an edit of an older one leaves it as it was.
        var newest = keys.Add(new Fingerprint(), feed.Newest(site.Articles)).Value;
        EmitMade("feed.xml", "feed.xml", new Fingerprint().AddHash(newest), output => AtomFeed.Write(output, feed, site.Settings.Title, "/feed.xml", "/", site.Articles));
        EmitMade("rss.xml", "rss.xml", new Fingerprint().AddHash(newest), output => RssFeed.Write(output, feed, site.Articles));
        EmitMade("feed.json", "feed.json", new Fingerprint().AddHash(newest), output => JsonFeed.Write(output, feed, site.Articles));
        if (site.Settings.TermFeeds)
        {
            Parallel.ForEach(site.Tags.Concat(site.Categories), term =>
                EmitMade(term.FeedUrl.TrimStart('/'), term.FeedUrl, keys.Add(new Fingerprint().AddHash(keys.Of(term)), feed.Newest(term.Articles)),
                    output => AtomFeed.Write(output, feed, $"{site.Settings.Title}: {term.Name}", term.FeedUrl, term.Url, term.Articles)));
        }

        // Keyed by the pages' own URLs: the absolute ones, a string per page, are made only when the sitemap is.
        var listed = pages.Where(p => p.InSitemap).ToList();
        EmitMade("sitemap.xml", "sitemap.xml", listed.Aggregate(new Fingerprint(), (key, page) => key.Add(page.Url).Add(page.LastModified?.UtcTicks ?? -1)),
            output => Sitemap.Write(output, listed.Select(p => (urls.AbsUrl(p.Url), p.LastModified))));
        Emit("robots.txt", "robots.txt", Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\n\nSitemap: {urls.AbsUrl("/sitemap.xml")}\n"));
        // GitHub Pages would otherwise run Jekyll over the output and drop files and folders starting with '_'.
        Emit(".nojekyll", ".nojekyll", []);
        timings.Add("feeds+sitemap", 4 + (site.Settings.TermFeeds ? site.Tags.Count + site.Categories.Count : 0), watch.Elapsed);

        watch.Restart();
        var theme = templates.Library.Theme;
        foreach (var asset in theme.FileNames.Where(n => n.StartsWith("assets/", StringComparison.Ordinal)))
        {
            Emit(asset, theme.DisplayPath(asset), theme.ReadBytes(asset));
        }

        Parallel.ForEach(staticFiles, file =>
        {
            if (InputFiles.Read(options.SiteDirectory, file, diagnostics) is { } bytes)
            {
                Emit(file[(InputFolder.Length + 1)..], file, bytes);
            }
        });
        timings.Add("copy files", staticFiles.Count, watch.Elapsed);

        if (diagnostics.HasErrors)
        {
            return new BuildResult(diagnostics.ToSortedList(), timings, 0, 0, []);
        }

        watch.Restart();
        if (!writer.Commit(diagnostics))
        {
            return new BuildResult(diagnostics.ToSortedList(), timings, 0, 0, []);
        }

        if (writer.TotalBytes > options.OutputSizeWarning)
        {
            diagnostics.Warning(options.ResolvedOutputDirectory, 0, 0, DiagnosticCodes.OutputTooLarge,
                $"the site is {writer.TotalBytes / (1024 * 1024):N0} MB; GitHub Pages refuses a site over 1 GB. Move large files (video, archives) elsewhere and link to them.");
        }

        var records = writer.Records();
        state.Dirty |= state.OutputDirectory != outputDirectory || records.Count != state.Outputs.Count
            || records.Any(r => !state.Outputs.TryGetValue(r.Key, out var old) || old != r.Value);
        state.OutputDirectory = outputDirectory;
        state.Outputs = records;
        state.OutputKeys = outputKeys;
        state.LastRender = new RenderMemo(site, pages, keys, outputKeys, memo, patch);
        timings.Add("commit", writer.ChangedFiles.Count, watch.Elapsed);
        return new BuildResult(diagnostics.ToSortedList(), timings, writer.Written, writer.Unchanged, writer.ChangedFiles);
    }

    /// <summary>
    /// Renders every page whose fingerprint (the theme, the tool, and every value its templates can see) differs from
    /// what the last build wrote, and writes it at once from its worker's buffer: no page outlives its render. A page
    /// made from the same inputs as in the last build (<paramref name="previousKeys"/>) is kept without building its values.
    /// </summary>
    /// <param name="knownKey">A page's key known without working it out (<see cref="RenderMemo"/>), or null.</param>
    /// <param name="everyPage">What every page's templates see: the theme, the tool, the site object.</param>
    /// <returns>The key of what each page was made from, in the order of <paramref name="pages"/>.</returns>
    private static UInt128[] RenderPages(List<PageSpec> pages, TemplateModel model, ModelKeys keys, Func<PageSpec, UInt128?>? knownKey, UInt128 everyPage,
        PageRenderer renderer, OutputWriter writer, Dictionary<string, UInt128> previousKeys, Func<string, string, bool> claim,
        DiagnosticBag diagnostics, StageTimings timings, CancellationToken cancellationToken)
    {
        var parallel = CpuBound(cancellationToken);
        var (renderTicks, writeTicks, rendered) = (0L, 0L, 0);
        var pageKeys = new UInt128[pages.Count];
        var watch = Stopwatch.StartNew();
        Parallel.For(0, pages.Count, parallel, () => new PageWorker(renderer.CreateContext()), (i, _, worker) =>
        {
            var page = pages[i];
            if (!claim(page.OutputPath, page.Source))
            {
                return worker;
            }

            var start = Stopwatch.GetTimestamp();
            pageKeys[i] = knownKey?.Invoke(page) ?? page.Key(keys);
            if (previousKeys.TryGetValue(page.OutputPath, out var before) && before == pageKeys[i] && writer.TryKeep(page.OutputPath))
            {
                worker.RenderTicks += Stopwatch.GetTimestamp() - start;
                return worker;
            }

            var globals = page.Globals(model);
            var fingerprint = new Fingerprint().AddHash(everyPage).Add(page.Layout).Add(page.Url).AddValue(globals).Value;
            if (writer.TryKeep(page.OutputPath, fingerprint))
            {
                worker.RenderTicks += Stopwatch.GetTimestamp() - start;
                return worker;
            }

            var text = renderer.Render(worker.Context, page.Layout, globals, page.Source, diagnostics);
            var renderedAt = Stopwatch.GetTimestamp();
            worker.RenderTicks += renderedAt - start;
            Interlocked.Increment(ref rendered);
            if (text is not null)
            {
                writer.Write(page.OutputPath, worker.Encode(text), fingerprint);
                worker.WriteTicks += Stopwatch.GetTimestamp() - renderedAt;
            }

            return worker;
        }, worker =>
        {
            Interlocked.Add(ref renderTicks, worker.RenderTicks);
            Interlocked.Add(ref writeTicks, worker.WriteTicks);
        });

        // Both happen on every worker at once: the stage's time is shared out by the workers' time in each.
        var elapsed = watch.Elapsed;
        var renderShare = renderTicks + writeTicks == 0 ? 1 : (double)renderTicks / (renderTicks + writeTicks);
        timings.Add("render", rendered, elapsed * renderShare);
        timings.Add("write", rendered, elapsed * (1 - renderShare));
        return pageKeys;
    }

    /// <summary>One render worker's context, its reused UTF-8 buffer, and where its time went.</summary>
    private sealed class PageWorker(TemplateContext context)
    {
        private byte[] _buffer = [];

        public TemplateContext Context { get; } = context;
        public long RenderTicks { get; set; }
        public long WriteTicks { get; set; }

        public ReadOnlySpan<byte> Encode(string text)
        {
            var most = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (_buffer.Length < most)
            {
                _buffer = new byte[Math.Max(most, 64 * 1024)];
            }

            return _buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, _buffer));
        }
    }

    /// <summary>
    /// Apart, so that the function, which the session keeps (<see cref="RenderMemo.Keys"/>), holds the inputs and nothing
    /// else of the build: a lambda in <see cref="Write"/> would share its closure, and with it every earlier build's.
    /// </summary>
    private static Func<Article, UInt128> SourceHashes(Dictionary<string, ParsedInput> inputs) => article => inputs[article.SourcePath].ContentHash;

    private static ScriptObject Builtins(TemplateModel model, UrlFunctions urls)
    {
        var builtins = new ScriptObject { ["site"] = model.SiteObject };
        builtins["url"] = new UrlFunction(urls.Url);
        builtins["abs_url"] = new UrlFunction(urls.AbsUrl);
        builtins["include_cached"] = new CachedInclude();
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

    /// <param name="Site">Null when nothing changed since the last build.</param>
    /// <param name="Patch">How <paramref name="Site"/> differs from the last build's model, when made from it.</param>
    /// <param name="Templates">Null when nothing changed: the theme is not parsed then.</param>
    /// <param name="DiagnosticsBeforeSite">What was reported before the model was built: a build that reports nothing more records its key.</param>
    /// <param name="InputDiagnostics">What reading the input files reported.</param>
    /// <param name="Output">Null when the build must not write there (reported).</param>
    private sealed record LoadedSite(Site? Site, ModelPatch? Patch, LoadedTemplates? Templates, OutputFolder? Output, IReadOnlyList<string> StaticFiles, UInt128 SiteKey,
        DateTimeOffset SiteKeyFrom, DateTimeOffset SiteKeyExpires, IReadOnlyList<Diagnostic> DiagnosticsBeforeSite,
        IReadOnlyList<Diagnostic> InputDiagnostics);
}
