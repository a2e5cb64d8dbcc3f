using System.Net;

namespace Digest.Preview.Tests.Serving;

/// <summary>
/// Issue 15, point 7: DNS rebinding. A page at evil.example whose name is made to resolve to 127.0.0.1 could read the
/// preview (drafts included) with the browser's blessing; its requests carry <c>Host: evil.example</c>, so the preview
/// answers only requests that name it: localhost (and names under .localhost) or an IP address, whatever the port
/// (port forwarding changes it, rebinding does not need it).
/// </summary>
public sealed class HostHeaderTests(SamplePreviewFixture fixture) : IClassFixture<SamplePreviewFixture>
{
    private PreviewHarness Preview => fixture.Preview;

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1.evil.example:{port}")]
    [InlineData("localhost.evil.example:{port}")]
    [InlineData("rebind.127.0.0.1.nip.io:{port}")]
    public async Task ARequestForAnotherHostIsRefused(string host)
    {
        foreach (var path in new[] { "", "tags/", LiveReloadHub.ScriptPath.TrimStart('/'), "/__digest/events" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path.StartsWith('/') ? new Uri(Preview.Server.Url!, path) : Preview.Url(path));
            request.Headers.Host = host.Replace("{port}", Preview.Server.Url!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

            using var response = await Preview.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

            Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
            Assert.Contains("DG9403", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("localhost:{port}")]
    [InlineData("LocalHost:{port}")]
    [InlineData("[::1]:{port}")]
    [InlineData("preview.localhost:{port}")]
    [InlineData("localhost:8080")]
    [InlineData("192.168.1.20:{port}")]
    public async Task ARequestForThePreviewsOwnAddressIsServed(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Preview.Url("tags/"));
        request.Headers.Host = host.Replace("{port}", Preview.Server.Url!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var response = await Preview.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("0.0.0.0", true)]
    [InlineData("::", true)]
    [InlineData("192.168.1.20", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.0.0.2", false)]
    [InlineData("::1", false)]
    [InlineData("localhost", false)]
    public void AnAddressReachableFromTheNetworkIsWarnedOf(string host, bool warned)
    {
        var warning = PreviewHosts.NetworkWarning(host, 5080);

        Assert.Equal(warned, warning is not null);
        if (warning is not null)
        {
            Assert.Equal("DG9402", warning.Code);
            Assert.Equal(Diagnostics.Severity.Warning, warning.Severity);
        }
    }
}
