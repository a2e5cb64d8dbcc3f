namespace Digest.Preview.Tests.Serving;

/// <summary>One running preview of the sample digest (base_url with a path: /digest/), shared by read-only tests.</summary>
public sealed class SamplePreviewFixture : IAsyncLifetime
{
    private TestSite? _site;
    private PreviewHarness? _preview;

    internal PreviewHarness Preview => _preview!;

    public async Task InitializeAsync()
    {
        _site = TestSite.CopyOfSample(pageSize: 10);
        _preview = await PreviewHarness.StartAsync(_site.Root);
    }

    public async Task DisposeAsync()
    {
        await _preview!.DisposeAsync();
        _site!.Dispose();
    }
}
