using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Digest.Preview.Tests.Serving;

/// <summary>The preview answers like the published site would: index files, redirects, 404, types, caching, methods.</summary>
public sealed class ServingTests(SamplePreviewFixture fixture) : IClassFixture<SamplePreviewFixture>
{
    private PreviewHarness Preview => fixture.Preview;

    [Fact]
    public async Task ADirectoryUrlServesItsIndexFile()
    {
        using var response = await Preview.Http.GetAsync(Preview.Url("tags/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var onDisk = await File.ReadAllTextAsync(Path.Combine(Preview.Server.OutputDirectory, "tags", "index.html"));
        Assert.Equal(WithScript(onDisk), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/digest/tags", "/digest/tags/")]
    [InlineData("/digest/tags?x=1", "/digest/tags/?x=1")]
    [InlineData("/", "/digest/")]
    [InlineData("/digest", "/digest/")]
    public async Task AFolderWithoutItsSlashAndTheRootRedirect(string path, string location)
    {
        using var response = await Preview.Http.GetAsync(new Uri(Preview.Server.Url!, path));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("no-such-page/")]
    [InlineData("tags/no-such-tag/")]
    [InlineData("style.css")]
    [InlineData("/feed.xml")] // outside base_url's path: the published site has no /feed.xml either
    public async Task AMissingFileGetsTheSites404PageWithStatus404(string path)
    {
        using var response = await Preview.Http.GetAsync(Preview.Url(path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var notFound = await File.ReadAllTextAsync(Path.Combine(Preview.Server.OutputDirectory, "404.html"));
        Assert.Equal(WithScript(notFound), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("feed.xml", "application/atom+xml; charset=utf-8")]
    [InlineData("rss.xml", "application/rss+xml; charset=utf-8")]
    [InlineData("feed.json", "application/feed+json; charset=utf-8")]
    [InlineData("sitemap.xml", "application/xml; charset=utf-8")]
    [InlineData("tags/rail/feed.xml", "application/atom+xml; charset=utf-8")]
    [InlineData("assets/style.css", "text/css; charset=utf-8")]
    [InlineData("assets/favicon.svg", "image/svg+xml")]
    [InlineData("images/rail-ridership.svg", "image/svg+xml")]
    [InlineData("robots.txt", "text/plain; charset=utf-8")]
    public async Task FilesGetTheirContentTypeAndExactBytes(string path, string contentType)
    {
        using var response = await Preview.Http.GetAsync(Preview.Url(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Preview.Server.OutputDirectory, path)), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HeadSendsTheHeadersOfGetWithoutABody()
    {
        using var get = await Preview.Http.GetAsync(Preview.Url("feed.xml"));
        using var head = await Preview.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, Preview.Url("feed.xml")));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ConditionalRequestsGet304WhileTheFileIsUnchanged()
    {
        using var first = await Preview.Http.GetAsync(Preview.Url());
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var byTag = await SendAsync(Preview.Url(), r => r.Headers.IfNoneMatch.Add(etag));
        using var byOtherTag = await SendAsync(Preview.Url(), r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"")));
        using var byDate = await SendAsync(Preview.Url(), r => r.Headers.IfModifiedSince = lastModified);
        using var byOlderDate = await SendAsync(Preview.Url(), r => r.Headers.IfModifiedSince = lastModified.AddSeconds(-1));

        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, byTag.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, byOtherTag.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byOlderDate.StatusCode);
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    public async Task OnlyGetAndHeadAreAllowed(string method)
    {
        using var response = await Preview.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), Preview.Url()));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD", string.Join(", ", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task TheLiveReloadScriptIsInjectedWhenServedAndNeverWritten()
    {
        var html = await Preview.Http.GetStringAsync(Preview.Url());
        // Skipping links: other tests plant some that point out of the output.
        var onDisk = Directory.EnumerateFiles(Preview.Server.OutputDirectory, "*",
                new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(f => File.ReadAllText(f).Contains("__digest", StringComparison.Ordinal));

        Assert.EndsWith("<script src=\"/__digest/live-reload.js\"></script></body>\n</html>\n", html, StringComparison.Ordinal);
        Assert.Empty(onDisk);
        using var script = await Preview.Http.GetAsync(new Uri(Preview.Server.Url!, "/__digest/live-reload.js"));
        Assert.Equal("text/javascript; charset=utf-8", script.Content.Headers.ContentType?.ToString());
        Assert.Contains("new EventSource(\"/__digest/events\")", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Each way out of the output folder, sent byte for byte (HttpClient would normalise some of them away).</summary>
    [Theory]
    [InlineData("/digest/../secret.txt")]
    [InlineData("/digest/%2e%2e/secret.txt")]
    [InlineData("/digest/%2E%2E/secret.txt")]
    [InlineData("/digest/..%2fsecret.txt")]
    [InlineData("/digest/%2e%2e%2fsecret.txt")]
    [InlineData("/digest/..\\secret.txt")]
    [InlineData("/digest/%5c..%5csecret.txt")]
    [InlineData("/digest/assets/../../secret.txt")]
    [InlineData("/digest/.%2e/secret.txt")]
    [InlineData("/digest/%252e%252e/secret.txt")]
    [InlineData("/digest/{outside}")]
    [InlineData("/digest/%2f{outside}")]
    [InlineData("/digest/{outside-folder}/../secret.txt")]
    [InlineData("/digest/out-link/secret.txt")]
    [InlineData("/digest/leak.txt")]
    [InlineData("/digest/out-link/")]
    public async Task NothingOutsideTheOutputFolderIsEverServed(string target)
    {
        var outside = Path.GetDirectoryName(Preview.Server.OutputDirectory)!;
        var secret = Path.Combine(outside, "secret.txt");
        await File.WriteAllTextAsync(secret, "TOP-SECRET");
        LinkOnce(Path.Combine(Preview.Server.OutputDirectory, "out-link"), outside, directory: true);
        LinkOnce(Path.Combine(Preview.Server.OutputDirectory, "leak.txt"), secret, directory: false);

        var (status, response) = await RawGetAsync(target.Replace("{outside-folder}", outside.TrimStart('/'), StringComparison.Ordinal)
            .Replace("{outside}", secret.TrimStart('/'), StringComparison.Ordinal));

        Assert.True(status is 400 or 404, $"{target} answered {status}");
        Assert.DoesNotContain("TOP-SECRET", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASymbolicLinkThatStaysInsideTheOutputIsServed()
    {
        LinkOnce(Path.Combine(Preview.Server.OutputDirectory, "alias.css"), Path.Combine(Preview.Server.OutputDirectory, "assets", "style.css"), directory: false);

        using var response = await Preview.Http.GetAsync(Preview.Url("alias.css"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    private static string WithScript(string html) =>
        html.Insert(html.LastIndexOf("</body>", StringComparison.Ordinal), "<script src=\"/__digest/live-reload.js\"></script>");

    private async Task<HttpResponseMessage> SendAsync(Uri url, Action<HttpRequestMessage> configure)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure(request);
        return await Preview.Http.SendAsync(request);
    }

    private async Task<(int Status, string Response)> RawGetAsync(string target)
    {
        var url = Preview.Server.Url!;
        using var client = new TcpClient();
        await client.ConnectAsync(url.Host, url.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes($"GET {target} HTTP/1.1\r\nHost: {url.Authority}\r\nConnection: close\r\n\r\n"));
        var response = await new StreamReader(stream).ReadToEndAsync();
        return (int.Parse(response.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), response);
    }

    private static void LinkOnce(string link, string target, bool directory)
    {
        if (File.Exists(link) || Directory.Exists(link))
        {
            return;
        }

        if (directory)
        {
            Directory.CreateSymbolicLink(link, target);
        }
        else
        {
            File.CreateSymbolicLink(link, target);
        }
    }
}
