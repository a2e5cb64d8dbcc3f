using Digest.Configuration;
using Digest.Diagnostics;
using Digest.Importing;

namespace Digest.Tests.Importing;

/// <summary>Runs an import into a site folder as <c>digest import</c> does, without the network unless a handler is given.</summary>
internal static class ImportRun
{
    public static ImportResult Run(string siteDirectory, IReadOnlyList<string> sources, Func<ImportOptions, ImportOptions>? adjust = null,
        HttpMessageHandler? handler = null)
    {
        var diagnostics = new DiagnosticBag();
        var settings = SettingsLoader.Load(siteDirectory, [], diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.ToSortedList()));
        var options = new ImportOptions
        {
            SiteDirectory = siteDirectory,
            Sources = sources,
            Clock = new FixedClock(new DateTimeOffset(2026, 12, 10, 12, 0, 0, TimeSpan.Zero)),
        };
        using var fetcher = new FeedFetcher(handler ?? new RefusingHandler(), TimeSpan.FromSeconds(5), FeedFetcher.DefaultMaxBytes);
        return StoryImporter.ImportAsync(adjust?.Invoke(options) ?? options, settings, fetcher, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The articles under the site's input/, by site-relative path.</summary>
    public static SortedDictionary<string, string> Articles(string siteDirectory)
    {
        var input = Path.Combine(siteDirectory, SiteLayout.InputFolder);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(input))
        {
            foreach (var file in Directory.EnumerateFiles(input, "*.md", SearchOption.AllDirectories))
            {
                files[Path.GetRelativePath(siteDirectory, file).Replace('\\', '/')] = File.ReadAllText(file);
            }
        }

        return files;
    }

    /// <summary>Tests never reach the network: a fetch that was not meant to happen fails loudly.</summary>
    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"the test tried to fetch {request.RequestUri}");
    }
}
