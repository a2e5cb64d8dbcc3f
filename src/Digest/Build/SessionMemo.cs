using System.Collections.Concurrent;
using Digest.Content;
using Digest.SiteModel;

namespace Digest.Build;

/// <summary>
/// What a build session (the preview's, which rebuilds on every save) remembers between its builds and never writes to
/// disk: the last scan, model and render, and reusable buffers. What is kept across processes is
/// <see cref="Caching.CachedBuild"/>.
/// </summary>
internal sealed class SessionMemo
{
    /// <summary>The input files as the last build found them.</summary>
    public InputFiles? LastScan { get; set; }

    /// <summary>The site model of the last build with the same read key, when it reported nothing.</summary>
    public Site? LastSite { get; set; }

    /// <summary>The page keys of the last render, for a next build of the same model.</summary>
    public RenderMemo? LastRender { get; set; }

    /// <summary>
    /// The key of what each page, feed and sitemap of the last output was made from (see <see cref="ModelKeys"/>): a next
    /// build keeps a file with the same key without making it again.
    /// </summary>
    public Dictionary<string, UInt128> OutputKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Buffers the feeds and the sitemap are made in: they run to megabytes, and memory that is new to the process costs
    /// more to fill than the text does to make (the sitemap of 12,900 pages, 10–50 ms in new memory).
    /// </summary>
    public ConcurrentBag<MemoryStream> OutputBuffers { get; } = [];
}
