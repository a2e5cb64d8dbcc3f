using System.Diagnostics;
using Digest.Caching;
using Digest.Content;
using Digest.Diagnostics;
using Digest.Hashing;

namespace Digest.Build;

/// <summary>The read stage: every article and page parsed, or taken unchanged from what the last build read.</summary>
internal static class InputReader
{
    /// <summary>Files are read in batches of this many: bounded memory, and separate stage timings.</summary>
    private const int ReadBatchSize = 1024;

    /// <summary>A file's size and time from the last scan, unless a change since names it or a folder holding it.</summary>
    public static Func<string, (long Length, long WriteTicks)?>? Unchanged(InputFiles? lastScan, IReadOnlyCollection<string>? changed)
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
    public static ParsedInput[] ReadArticles(BuildRun run, InputFiles inputs, ArticleReader reader)
    {
        var (root, state, diagnostics, timings) = (run.Options.SiteDirectory, run.Cached, run.Diagnostics, run.Timings);
        var paths = inputs.Articles.Concat(inputs.Pages).ToArray();
        var results = new ParsedInput[paths.Length];
        var toParse = new List<int>();
        var readTime = TimeSpan.Zero;
        var parseTime = TimeSpan.Zero;
        var parsed = 0;
        var parallel = run.CpuBound;

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

        (run.Work.FilesRead, run.Work.ArticlesParsed) = (toParse.Count, parsed);
        timings.Add("read", toParse.Count, readTime);
        timings.Add("parse", parsed, parseTime);
        return results;
    }
}
