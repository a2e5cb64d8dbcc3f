using System.Net;
using System.Text.RegularExpressions;
using Digest.Build;

namespace Digest.Preview.Tests.Rebuilding;

/// <summary>
/// The heart of issue 3: after any sequence of edits, what the preview serves is byte for byte what a cold build
/// of the same files writes — no stale tag, category, archive or list page, no file left over, none missing.
/// </summary>
public sealed class ExactnessTests
{
    private const string Rail = "input/articles/gyumri-rail-link-reopens.md";
    private const string BusLanes = "input/articles/city-council-bus-lanes.md";
    private const string ChessOpen = "input/articles/sport/dilijan-chess-open-begins.md";
    private const string Wine = "input/articles/economy/wine-exports-rise.md";
    private const string Taxi = "input/articles/taxi-licensing-preview.md";
    private const string Wire = "input/articles/wire/_directory.yml";
    private const string Ferry = "input/articles/sevan-ferry-returns.md";

    [Fact]
    public async Task EveryServedFileMatchesAColdBuildAfterEachEdit()
    {
        // Three articles a page, so that moving or removing one article shifts every list it is in.
        using var site = TestSite.CopyOfSample(pageSize: 3);
        await using var preview = await PreviewHarness.StartAsync(site.Root, liveReload: false);
        await AssertServesColdBuildAsync(preview, site, "the first build");

        var sport = Directory.EnumerateFiles(site.FullPath("input/articles/sport"), "*.md")
            .Select(f => Path.GetRelativePath(site.Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        var edits = new (string Name, Action Edit, string[] Paths)[]
        {
            ("a title change", () => site.Replace(Rail, "title: \"Gyumri rail link reopens after two-year rebuild\"", "title: \"Gyumri line reopens: trains back after two years\""), [Rail]),
            ("a tag added", () => site.Replace(BusLanes, "tags: [", "tags: [Night buses, "), [BusLanes]),
            ("a tag removed", () => site.Replace(BusLanes, "tags: [Night buses, ", "tags: ["), [BusLanes]),
            ("a category renamed in every article", () =>
            {
                foreach (var file in sport)
                {
                    var text = site.Read(file);
                    var renamed = Regex.Replace(text, @"^(categor(?:y|ies): \[?)Sport(\]?)$", "$1Sports and games$2", RegexOptions.Multiline);
                    Assert.NotEqual(text, renamed);
                    site.Write(file, renamed);
                }
            }, sport),
            ("a date moved so the article changes page in every list", () => site.Replace(ChessOpen, "date: 2026-11-14", "date: 2026-10-02"), [ChessOpen]),
            ("folder defaults changed", () => site.Replace(Wire, "categories: [World]", "categories: [International]"), [Wire]),
            ("an article deleted", () => site.Delete(Wine), [Wine]),
            ("a new article", () => site.Write(Ferry, """
                ---
                title: "Sevan ferry returns for the winter season"
                date: 2026-11-26T10:00:00+04:00
                categories: [Economy]
                tags: [transport, Sevan, ferries]
                ---
                SEVAN, November 26. The lake ferry resumed its winter timetable on Thursday.
                """), [Ferry]),
            ("a draft flipped", () => site.Replace(Taxi, "draft: true", "draft: false"), [Taxi]),
            ("a template edited", () => site.Replace("theme/partials/article-list.html", "</", "<!-- edited --></"), ["theme/partials/article-list.html"]),
            ("a stylesheet edited", () => site.Write("theme/assets/style.css", site.Read("theme/assets/style.css") + "\nbody { margin: 0; }\n"), ["theme/assets/style.css"]),
            ("a settings change", () => site.Replace("digest.yml", "page_size: 3", "page_size: 4"), ["digest.yml"]),
            ("a site title change", () => site.Replace("digest.yml", "title: South Caucasus Digest", "title: Caucasus Digest"), ["digest.yml"]),
            ("an image added", () => File.Copy(site.FullPath("input/images/sky-clarity.svg"), site.FullPath("input/images/sky-copy.svg")), ["input/images/sky-copy.svg"]),
            ("a date moved back", () => site.Replace(ChessOpen, "date: 2026-10-02", "date: 2026-11-14"), [ChessOpen]),
        };

        foreach (var (name, edit, paths) in edits)
        {
            var report = await preview.EditAsync(edit, paths);
            Assert.True(report.Result.Succeeded, $"after {name}: " + string.Join("\n", report.Result.Diagnostics));
            await AssertServesColdBuildAsync(preview, site, name);
        }
    }

    [Theory]
    [InlineData("tags/transport/")]
    [InlineData("feed.xml")]
    [InlineData("sitemap.xml")]
    public async Task ARequestWithTheETagOfThePageBeforeAnEditGetsThePageAfterIt(string file)
    {
        using var site = TestSite.CopyOfSample(pageSize: 10);
        await using var preview = await PreviewHarness.StartAsync(site.Root, liveReload: false);
        using var before = await preview.Http.GetAsync(preview.Url(file));
        var etag = before.Headers.ETag!;

        // A new title shows on the tag's page and in the feed, a new update time in the sitemap; one save, one rebuild.
        var report = await preview.EditAsync(() => site.Write(Rail, site.Read(Rail)
            .Replace("title: \"Gyumri rail link reopens after two-year rebuild\"", "title: \"Gyumri line reopens\"", StringComparison.Ordinal)
            .Replace("updated: 2026-11-03T14:40:00+04:00", "updated: 2026-11-27T08:00:00+04:00", StringComparison.Ordinal)), [Rail]);
        Assert.True(report.Result.Succeeded, string.Join("\n", report.Result.Diagnostics));
        using var request = new HttpRequestMessage(HttpMethod.Get, preview.Url(file));
        request.Headers.IfNoneMatch.Add(etag);
        using var after = await preview.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(preview.Server.OutputDirectory, file.EndsWith('/') ? file + "index.html" : file)),
            await after.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Builds the same files cold into another folder and fetches every one of them from the preview.</summary>
    private static async Task AssertServesColdBuildAsync(PreviewHarness preview, TestSite site, string after)
    {
        var cold = Directory.CreateTempSubdirectory("digest-cold-").FullName;
        try
        {
            var output = Path.Combine(cold, "site");
            var result = SiteBuilder.Build(PreviewHarness.BuildOptionsFor(site.Root, output));
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

            var expected = Files(output);
            Assert.True(expected.SequenceEqual(Files(preview.Server.OutputDirectory)), $"after {after}: the preview's files differ from a cold build's");
            foreach (var file in expected)
            {
                using var response = await preview.Http.GetAsync(preview.Url(file));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"after {after}: /{file} answered {response.StatusCode}");
                var served = await response.Content.ReadAsByteArrayAsync();
                Assert.True(served.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, file))),
                    $"after {after}: /{file} as served differs from a cold build's");
            }
        }
        finally
        {
            Directory.Delete(cold, recursive: true);
        }
    }

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
}
