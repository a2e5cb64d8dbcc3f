using Digest.Configuration;
using Digest.Content;
using Digest.Diagnostics;
using Digest.Files;

namespace Digest.Importing;

/// <summary>
/// <c>digest import</c>: reads every source (files and folders in parallel, feeds over http), removes signatures learnt
/// from the whole batch, skips stories the site or the batch holds already, and writes each of the others to
/// <c>input/articles/YYYY/MM/DD/slug.md</c>, never over a file it did not mean to replace. A source that cannot be read
/// is reported and the rest go in.
/// </summary>
public static class StoryImporter
{
    public static async Task<ImportResult> ImportAsync(ImportOptions options, SiteSettings settings, FeedFetcher fetcher, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var failed = 0;
        var inputs = new List<SourceFile>();
        foreach (var source in options.Sources)
        {
            if (FeedFetcher.IsUrl(source))
            {
                inputs.Add(new SourceFile(source, source, Category: null, IsUrl: true));
            }
            else if (Directory.Exists(source))
            {
                inputs.AddRange(Folder(source));
            }
            else
            {
                inputs.Add(new SourceFile(source, source, Category: null, IsUrl: false));
            }
        }

        // Every source read on its own, in parallel; the batch keeps the order the sources were given in.
        var read = new SourceStories[inputs.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, inputs.Count), cancellationToken, async (i, token) =>
            read[i] = await ReadAsync(inputs[i], settings.TimeZone, fetcher, options.Clock, diagnostics, token));
        failed += read.Count(r => r.Failed);

        var batch = read.SelectMany(r => r.Stories).ToList();
        var signatures = SignatureStripper.Learn(batch, settings.Import.Signatures);
        var site = SiteArticles.Scan(options.SiteDirectory, settings);
        var tags = options.Tags ?? settings.Import.Tags;
        var written = new HashSet<string>(StringComparer.Ordinal);
        var articles = new List<ImportedArticle>();
        var skipped = 0;
        foreach (var (raw, from) in read.SelectMany(r => r.Stories.Select(s => (s, r))))
        {
            var story = Complete(signatures.Strip(raw), options, from.Category, tags);
            var keys = SiteArticles.Keys(story);
            var existing = site.Find(keys);
            if (existing is not null && (!options.Update || written.Contains(existing)))
            {
                skipped++;
                diagnostics.Warning(story.Origin, 0, 0, DiagnosticCodes.ImportDuplicate, written.Contains(existing)
                    ? $"the same story as {existing}, imported a moment ago from this batch; skipped."
                    : $"the same story (same source_url or same text) is in {existing} already; skipped. Use --update to replace that file.");
                continue;
            }

            if (story.Date is not { } date)
            {
                date = from.FallbackDate;
                diagnostics.Warning(story.Origin, 0, 0, DiagnosticCodes.ImportNoDate,
                    $"no date was found, so the article is dated {date.ToFrontMatter()} (the file's time, or now for a feed). Correct 'date:' in the article if that is wrong.");
            }

            var titleSlug = Slugs.SlugifyNonEmpty(story.Title, "story");
            var (path, slug) = existing is not null ? (existing, Path.GetFileNameWithoutExtension(existing)) : Place(date.Day, titleSlug, site, options.SiteDirectory);
            var text = ArticleText.Render(story, date, slug == titleSlug ? null : slug);
            if (!options.DryRun && !Write(options.SiteDirectory, path, text, replace: existing is not null, story.Origin, diagnostics))
            {
                failed++;
                continue;
            }

            site.Add(keys, path, date.Day, slug);
            written.Add(path);
            articles.Add(new ImportedArticle(path, text, story.Origin, Replaced: existing is not null));
        }

        return new ImportResult(articles, skipped, failed, diagnostics.ToSortedList());
    }

    /// <summary>A folder's files, sorted, hidden ones left out; a file in a sub-folder takes the sub-folder's name as category.</summary>
    private static IEnumerable<SourceFile> Folder(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        var root = Path.GetFullPath(folder);
        return Directory.EnumerateFiles(root, "*", options)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(f =>
            {
                var parent = Path.GetDirectoryName(f)!;
                var shown = Path.Combine(folder, Path.GetRelativePath(root, f)).Replace('\\', '/');
                return new SourceFile(shown, f, parent.Length > root.Length ? Path.GetFileName(parent) : null, IsUrl: false);
            });
    }

    private static async Task<SourceStories> ReadAsync(SourceFile source, TimeZoneInfo zone, FeedFetcher fetcher, TimeProvider clock,
        DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        byte[] bytes;
        StoryDate fallback;
        if (source.IsUrl)
        {
            if (!Uri.TryCreate(source.Path, UriKind.Absolute, out var url))
            {
                return Failure(diagnostics, source.Shown, DiagnosticCodes.ImportFetchFailed, "this is not a URL that can be fetched. Check it for typing mistakes.");
            }

            try
            {
                bytes = await fetcher.FetchAsync(url, cancellationToken);
            }
            catch (FetchException ex)
            {
                return Failure(diagnostics, source.Shown, DiagnosticCodes.ImportFetchFailed, $"cannot fetch the feed: {ex.Message}. Check the URL, or download the feed and import the file.");
            }

            fallback = StoryDate.At(clock.GetUtcNow(), zone);
        }
        else
        {
            try
            {
                var info = new FileInfo(source.Path);
                if (info.Exists && info.Length > SourceText.MaxBytes)
                {
                    return Failure(diagnostics, source.Shown, DiagnosticCodes.ImportTooLarge,
                        $"the file is {info.Length / (1024 * 1024)} MiB, more than the {SourceText.MaxBytes / (1024 * 1024)} MiB an import reads. Split it into one file per story.");
                }

                bytes = await File.ReadAllBytesAsync(source.Path, cancellationToken);
                fallback = StoryDate.At(info.LastWriteTimeUtc, zone);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                var why = ex is FileNotFoundException or DirectoryNotFoundException ? "there is no such file or folder" : ex.Message.TrimEnd('.');
                return Failure(diagnostics, source.Shown, DiagnosticCodes.ImportUnreadable, $"cannot read it: {why}. Check the path.");
            }
        }

        if (TextDecoding.Decode(bytes) is not { } decoded)
        {
            return Failure(diagnostics, source.Shown, DiagnosticCodes.ImportNotText,
                "this is not text in any encoding the importer knows (a binary file?). Leave it out of the import.");
        }

        if (decoded.Guessed is { } guessed)
        {
            diagnostics.Warning(source.Shown, 0, 0, DiagnosticCodes.ImportEncodingGuessed,
                $"the file is not UTF-8; it was read as {guessed}, the encoding it most looks like. Check the imported article, and save the file as UTF-8 if it reads wrong.");
        }

        if (FeedStories.IsFeed(decoded.Text) || source.IsUrl)
        {
            try
            {
                var items = FeedStories.Read(decoded.Text, source.Shown, zone);
                return new SourceStories([.. items.Where(s => HasTitle(s, diagnostics))], fallback, source.Category, Failed: false);
            }
            catch (FormatException ex)
            {
                return Failure(diagnostics, source.Shown, DiagnosticCodes.ImportBadFeed, $"{ex.Message}. Check that this is an RSS 2.0, Atom or JSON Feed document.");
            }
        }

        if (WireTextReader.Read(SourceText.WithoutControlCharacters(decoded.Text), source.Shown, zone) is not { } story)
        {
            return Failure(diagnostics, source.Shown, DiagnosticCodes.ImportNoTitle, "the file holds no text to take a title from. Leave it out, or add the story's text.");
        }

        return new SourceStories([story], fallback, source.Category, Failed: false);
    }

    private static bool HasTitle(ImportedStory story, DiagnosticBag diagnostics)
    {
        if (story.Title.Length > 0)
        {
            return true;
        }

        diagnostics.Warning(story.Origin, 0, 0, DiagnosticCodes.ImportNoTitle, "this feed item has no title; it was left out.");
        return false;
    }

    private static SourceStories Failure(DiagnosticBag diagnostics, string path, string code, string message)
    {
        diagnostics.Error(path, 0, 0, code, message);
        return new SourceStories([], default, null, Failed: true);
    }

    /// <summary>For stories without their own: the options' category, else the folder's; the options' source; suggested tags.</summary>
    private static ImportedStory Complete(ImportedStory story, ImportOptions options, string? folderCategory, int tags)
    {
        if (story.Categories.Count == 0 && (options.Category is { Length: > 0 } ? options.Category : folderCategory) is { } category)
        {
            story = story with { Categories = [category] };
        }

        if (story.Source.Length == 0 && options.Source is { Length: > 0 } source)
        {
            story = story with { Source = source };
        }

        if (tags > 0 && story.Tags.Count == 0)
        {
            story = story with { Tags = TagSuggester.Suggest(story.Title + "\n\n" + string.Join("\n\n", story.Paragraphs), tags) };
        }

        return story;
    }

    /// <summary>The first free path and slug on that day: <c>slug</c>, then <c>slug-2</c>, <c>slug-3</c>…</summary>
    private static (string Path, string Slug) Place(DateOnly day, string titleSlug, SiteArticles site, string siteDirectory)
    {
        var folder = $"{SiteLayout.InputFolder}/articles/{day:yyyy}/{day:MM}/{day:dd}";
        for (var n = 1; ; n++)
        {
            var slug = n == 1 ? titleSlug : $"{titleSlug}-{n}";
            var path = $"{folder}/{slug}.md";
            if (!site.TakesUrl(day, slug) && !File.Exists(Path.Combine(siteDirectory, path)))
            {
                return (path, slug);
            }
        }
    }

    /// <summary>Writes the article; a new one only where no file is (even one that appeared since the scan).</summary>
    private static bool Write(string siteDirectory, string path, string text, bool replace, string origin, DiagnosticBag diagnostics)
    {
        var fullPath = Path.Combine(siteDirectory, path);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            using var stream = new FileStream(fullPath, replace ? FileMode.Create : FileMode.CreateNew, FileAccess.Write);
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            stream.Write(bytes);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(origin, 0, 0, DiagnosticCodes.ImportWriteFailed, $"cannot write {path}: {ex.Message.TrimEnd('.')}. Check that the site's input/ folder is writable.");
            return false;
        }
    }

    private sealed record SourceFile(string Shown, string Path, string? Category, bool IsUrl);

    private sealed record SourceStories(IReadOnlyList<ImportedStory> Stories, StoryDate FallbackDate, string? Category, bool Failed);
}
