using System.Diagnostics;
using System.Text;
using Digest.Caching;
using Digest.Content;
using Digest.Diagnostics;
using Digest.Hashing;
using Digest.Outputs;
using Digest.SiteModel;
using Digest.Templates;
using Digest.Writing;

namespace Digest.Build;

/// <summary>
/// The write stage: every page, feed, sitemap and copied file into the output's staging folder, each path claimed by one
/// source, then the swap into place when nothing failed.
/// </summary>
internal static class SiteWriter
{
    /// <summary>A file that cannot be written (a full disk, a read-only folder) is an error naming the folder, and the previous output stays.</summary>
    public static BuildResult WriteReportingFailures(BuildRun run, LoadedSite loaded)
    {
        try
        {
            return Write(run, loaded);
        }
        catch (Exception ex) when (WriteFailure(ex) is { } failure)
        {
            run.Memo.LastRender = null;
            var advice = failure.HResult == 28 // ENOSPC
                ? "The disk is full: free some space, or choose another --output."
                : "Check that the folder and the one it is in may be written (permissions, a read-only disk), or choose another --output.";
            run.Diagnostics.Error(run.Options.ResolvedOutputDirectory, 0, 0, DiagnosticCodes.OutputWriteFailed,
                $"cannot write the output: {failure.Message.TrimEnd('.')}. {advice} The previous output is as it was.");
            return run.Failed();
        }
    }

    private static Exception? WriteFailure(Exception ex) => ex switch
    {
        IOException or UnauthorizedAccessException => ex,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.Select(WriteFailure).FirstOrDefault(e => e is not null),
        _ => null,
    };

    private static BuildResult Write(BuildRun run, LoadedSite loaded)
    {
        var (options, cached, memo, diagnostics, timings) = (run.Options, run.Cached, run.Memo, run.Diagnostics, run.Timings);
        var (site, templates) = (loaded.Site!, loaded.Templates!);
        var urls = new UrlFunctions(site.Settings);
        var outputDirectory = options.ResolvedOutputDirectory;
        using var writer = new OutputWriter(loaded.Output!, cached.OutputDirectory == outputDirectory ? cached.Outputs : null, options.PrivateOutput);
        var claims = new OutputClaims(cached.Outputs.Count, diagnostics);

        var translations = templates.Library.Translations;
        // A site with nothing to search gets no index (Pagefind refuses to make an empty one), so no search page either.
        var search = site.Articles.Count + site.Pages.Count > 0 ? loaded.Search : null;
        var model = timings.Measure("template model", () => new TemplateModel(site, DigestVersion.Generator, translations, search is not null), _ => site.Articles.Count);
        var everyPage = model.SiteObjects.Aggregate(new Fingerprint().AddHash(templates.Key).Add(options.StrictVariables ? 1 : 0),
            (key, siteObject) => key.AddHash(ScriptValueHasher.Hash(siteObject))).Value;
        var pages = timings.Measure("pages", () => SitePages.All(site, urls, translations, search is not null).ToList(), p => p.Count);
        var everyPageAndReading = new Fingerprint().AddHash(everyPage).AddHash(cached.ReadKey).Value;
        var patch = loaded.Patch;
        // Only a build that commits leaves a memo: its keys are then those of the output.
        var memoOfLastRender = memo.LastRender is { } last && last.Fits(patch, everyPageAndReading) ? last : null;
        memo.LastRender = null;
        var readAgain = memoOfLastRender?.ReadAgain(site) ?? [];
        run.Work.ArticlesKeyed = memoOfLastRender is null ? site.Articles.Count : readAgain.Count + patch!.Rekeyed.Count();
        var keys = timings.Measure("model keys", () => new ModelKeys(site, everyPageAndReading, SourceHashes(cached.Inputs),
            memoOfLastRender is null ? null : (memoOfLastRender.Keys, readAgain.Concat(patch!.Rekeyed))), _ => run.Work.ArticlesKeyed);
        var stale = memoOfLastRender?.Stale(site, readAgain, patch!, keys);
        var renderer = new PageRenderer(templates.Library, TemplateBuiltins.Create(translations, urls), options.StrictVariables);
        var pageKeys = PageRendering.Render(new PageRenderJob(run, pages, model, keys,
            memoOfLastRender is null ? null : page => memoOfLastRender.KeyOf(page, stale!), everyPage, renderer, writer, claims));
        var outputKeys = new Dictionary<string, UInt128>(pages.Count, StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            outputKeys[pages[i].OutputPath] = pageKeys[i];
        }

        // A feed or sitemap made from the same inputs as in the last build is kept without being made again.
        void WriteUnlessUnchanged(string path, string owner, Fingerprint inputs, Action<Stream> make)
        {
            if (!claims.Claim(path, owner))
            {
                return;
            }

            var key = inputs.AddHash(keys.EveryPage).Add(path).Value;
            lock (outputKeys)
            {
                outputKeys[path] = key;
            }

            if (!(memo.OutputKeys.TryGetValue(path, out var before) && before == key && writer.TryKeep(path)))
            {
                var buffer = memo.OutputBuffers.TryTake(out var kept) ? kept : new MemoryStream();
                buffer.SetLength(0);
                make(buffer);
                writer.Write(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
                memo.OutputBuffers.Add(buffer);
            }
        }

        void WriteClaimed(string path, string owner, ReadOnlySpan<byte> bytes)
        {
            if (claims.Claim(path, owner))
            {
                writer.Write(path, bytes);
            }
        }

        var watch = Stopwatch.StartNew();
        // A feed shows only its newest articles: an edit of an older one leaves it as it was.
        void WriteFeeds(FeedContext feed, FeedChannel channel, UInt128 inputs)
        {
            WriteUnlessUnchanged(channel.AtomUrl.TrimStart('/'), channel.AtomUrl, new Fingerprint().AddHash(inputs), output => AtomFeed.Write(output, feed, channel));
            WriteUnlessUnchanged(channel.RssUrl.TrimStart('/'), channel.RssUrl, new Fingerprint().AddHash(inputs), output => RssFeed.Write(output, feed, channel));
            WriteUnlessUnchanged(channel.JsonUrl.TrimStart('/'), channel.JsonUrl, new Fingerprint().AddHash(inputs), output => JsonFeed.Write(output, feed, channel));
        }

        var siteFeed = new FeedContext(site, urls, DigestVersion.Generator);
        foreach (var edition in site.Editions)
        {
            var language = edition.Language;
            var feed = siteFeed with { Settings = site.Settings with { Title = language.Title, Description = language.Description, Language = language.Code } };
            WriteFeeds(feed, FeedChannel.Of(edition), keys.Add(new Fingerprint(), feed.Newest(edition.Articles)).Value);
            if (site.Settings.TermFeeds)
            {
                var strings = translations.For(language.Code);
                Parallel.ForEach(edition.Tags.Concat(edition.Categories), term =>
                    WriteFeeds(feed, FeedChannel.Of(term, SitePages.TermFeedTitle(strings, language.Title, term)),
                        keys.Add(new Fingerprint().AddHash(keys.Of(term)), feed.Newest(term.Articles)).Value));
            }
        }

        var news = site.Settings.GoogleNews ? NewsSitemap.Articles(site, loaded.Now) : [];
        if (news.Count > 0)
        {
            WriteUnlessUnchanged(NewsSitemap.Path.TrimStart('/'), NewsSitemap.Path, keys.Add(new Fingerprint(), news), output => NewsSitemap.Write(output, siteFeed, news));
        }

        // Keyed by the pages' own URLs: the absolute ones, a string per page, are made only when the sitemap is.
        var listed = pages.Where(p => p.InSitemap).ToList();
        WriteUnlessUnchanged("sitemap.xml", "sitemap.xml", listed.Aggregate(new Fingerprint(), (key, page) => key.Add(page.Url).Add(page.LastModified?.UtcTicks ?? -1)),
            output => Sitemap.Write(output, listed.Select(p => (urls.AbsUrl(p.Url), p.LastModified))));
        var newsSitemapLine = news.Count > 0 ? $"Sitemap: {urls.AbsUrl(NewsSitemap.Path)}\n" : "";
        WriteClaimed("robots.txt", "robots.txt", Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\n\nSitemap: {urls.AbsUrl("/sitemap.xml")}\n{newsSitemapLine}"));
        // GitHub Pages would otherwise run Jekyll over the output and drop files and folders starting with '_'.
        WriteClaimed(".nojekyll", ".nojekyll", []);
        timings.Add("feeds+sitemap", 2 + 3 * (site.Editions.Count + (site.Settings.TermFeeds ? site.Terms.Count() : 0)), watch.Elapsed);

        watch.Restart();
        var theme = templates.Library.Theme;
        foreach (var asset in theme.FileNames.Where(n => n.StartsWith("assets/", StringComparison.Ordinal)))
        {
            WriteClaimed(asset, theme.DisplayPath(asset), theme.ReadBytes(asset));
        }

        Parallel.ForEach(loaded.StaticFiles, file =>
        {
            if (InputFiles.Read(options.SiteDirectory, file, diagnostics) is { } bytes)
            {
                WriteClaimed(file[(SiteLayout.InputFolder.Length + 1)..], file, bytes);
            }
        });
        timings.Add("copy files", loaded.StaticFiles.Count, watch.Elapsed);

        if (search is not null && !diagnostics.HasErrors)
        {
            SearchIndexing.Write(run, site, search, pages, writer, claims);
        }

        if (diagnostics.HasErrors)
        {
            return run.Failed();
        }

        watch.Restart();
        if (!writer.Commit(diagnostics))
        {
            return run.Failed();
        }

        if (writer.TotalBytes > options.OutputSizeWarning)
        {
            diagnostics.Warning(options.ResolvedOutputDirectory, 0, 0, DiagnosticCodes.OutputTooLarge,
                $"the site is {writer.TotalBytes / (1024 * 1024):N0} MB; GitHub Pages refuses a site over 1 GB. Move large files (video, archives) elsewhere and link to them.");
        }

        var records = writer.Records();
        cached.Dirty |= cached.OutputDirectory != outputDirectory || records.Count != cached.Outputs.Count
            || records.Any(r => !cached.Outputs.TryGetValue(r.Key, out var old) || old != r.Value);
        cached.OutputDirectory = outputDirectory;
        cached.Outputs = records;
        memo.OutputKeys = outputKeys;
        memo.LastRender = new RenderMemo(site, pages, keys, outputKeys, memoOfLastRender, patch);
        timings.Add("commit", writer.ChangedFiles.Count, watch.Elapsed);
        return new BuildResult(diagnostics.ToSortedList(), timings, writer.Written, writer.Unchanged, writer.ChangedFiles) { Work = run.Work };
    }

    /// <summary>
    /// Apart, so that the function, which the session keeps (<see cref="RenderMemo.Keys"/>), holds the inputs and nothing
    /// else of the build: a lambda in <see cref="Write"/> would share its closure, and with it every earlier build's.
    /// </summary>
    private static Func<Article, UInt128> SourceHashes(Dictionary<string, ParsedInput> inputs) => article => inputs[article.SourcePath].ContentHash;
}
