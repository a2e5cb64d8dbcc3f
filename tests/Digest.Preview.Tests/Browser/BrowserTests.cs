using Microsoft.Playwright;

namespace Digest.Preview.Tests.Browser;

/// <summary>What only a browser shows: live reload, the error overlay, stylesheet swaps, and pages without console errors.</summary>
public sealed class BrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // An article with its own slug, so that a new title does not move it to another URL.
    private const string Chess = "input/articles/sport/dilijan-chess-final.md";
    private const string ChessTitle = "Ohanyan wins Dilijan Open on tiebreak as Simonyan takes silver";
    private const string ChessPage = "2026/11/24/dilijan-chess-open-2026-final/";
    private const string ChessDate = "date: 2026-11-24T22:05:00+04:00";
    /// <summary>The promise: an open tab shows an edit within 2 seconds of the save.</summary>
    private const float LiveUpdateMilliseconds = 2000;

    [Fact]
    public async Task TheOpenTabShowsAnEditedTitleWithoutAManualReload()
    {
        using var site = TestSite.CopyOfSample(pageSize: 10);
        await using var preview = await PreviewHarness.StartAsync(site.Root);
        var page = await OpenAsync(preview, ChessPage);
        Assert.Equal(ChessTitle, await page.Locator("h1").First.TextContentAsync());

        site.Replace(Chess, ChessTitle, "Simonyan takes silver in Dilijan");

        await page.WaitForFunctionAsync("() => document.querySelector('h1').textContent === 'Simonyan takes silver in Dilijan'", null,
            new PageWaitForFunctionOptions { Timeout = LiveUpdateMilliseconds });
    }

    [Fact]
    public async Task ABrokenFileShowsAnOverlayWithFileAndLineAndFixingItRecovers()
    {
        using var site = TestSite.CopyOfSample(pageSize: 10);
        await using var preview = await PreviewHarness.StartAsync(site.Root);
        var page = await OpenAsync(preview, ChessPage);

        var broken = await preview.EditAsync(() => site.Replace(Chess, ChessDate, "date: 2026-11-24: noon"), Chess);

        var error = Assert.Single(broken.Result.Diagnostics);
        Assert.Equal((Chess, 3, "DG1003"), (error.Path, error.Line, error.Code));
        var overlay = page.Locator("#digest-preview-overlay");
        await overlay.WaitForAsync(new LocatorWaitForOptions { Timeout = LiveUpdateMilliseconds });
        Assert.Contains(error.ToString(), await overlay.InnerTextAsync(), StringComparison.Ordinal);
        // The last good site is still what is served.
        Assert.Contains(ChessTitle, await preview.Http.GetStringAsync(preview.Url(ChessPage)), StringComparison.Ordinal);

        site.Write(Chess, site.Read(Chess).Replace("date: 2026-11-24: noon", ChessDate, StringComparison.Ordinal)
            .Replace(ChessTitle, "Simonyan takes silver in Dilijan", StringComparison.Ordinal));

        await page.WaitForFunctionAsync("() => document.querySelector('h1').textContent === 'Simonyan takes silver in Dilijan'", null,
            new PageWaitForFunctionOptions { Timeout = LiveUpdateMilliseconds });
        Assert.Equal(0, await overlay.CountAsync());
    }

    [Fact]
    public async Task AnOverlayEscapesTheWritersText()
    {
        using var site = TestSite.CopyOfSample(pageSize: 10);
        await using var preview = await PreviewHarness.StartAsync(site.Root);
        var page = await OpenAsync(preview, "");

        await preview.EditAsync(() => site.Replace(Chess, ChessDate, "date: <img src=x onerror=window.injected=1>"), Chess);

        var overlay = page.Locator("#digest-preview-overlay");
        await overlay.WaitForAsync(new LocatorWaitForOptions { Timeout = LiveUpdateMilliseconds });
        Assert.Contains("<img src=x onerror=window.injected=1>", await overlay.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await overlay.Locator("img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.injected === undefined"));
    }

    [Fact]
    public async Task AStylesheetChangeAppliesWithoutAReload()
    {
        using var site = TestSite.CopyOfSample(pageSize: 10);
        await using var preview = await PreviewHarness.StartAsync(site.Root);
        var page = await OpenAsync(preview, "");
        await page.EvaluateAsync("() => { window.digestMarker = 'still the same page'; }");
        Assert.NotEqual("rgb(1, 2, 3)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).outlineColor"));

        site.Write("theme/assets/style.css", site.Read("theme/assets/style.css") + "\nbody { outline: 3px solid rgb(1, 2, 3); }\n");

        await page.WaitForFunctionAsync("() => getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)'", null,
            new PageWaitForFunctionOptions { Timeout = LiveUpdateMilliseconds });
        Assert.Equal("still the same page", await page.EvaluateAsync<string>("() => window.digestMarker"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(ChessPage)]
    [InlineData("tags/rail/")]
    [InlineData("categories/economy/")]
    public async Task PagesLoadWithoutConsoleErrors(string path)
    {
        using var site = TestSite.CopyOfSample(pageSize: 10);
        await using var preview = await PreviewHarness.StartAsync(site.Root);
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        var response = await page.GotoAsync(preview.Url(path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Equal(200, response!.Status);
        Assert.Empty(errors);
        await context.DisposeAsync();
    }

    /// <summary>Opens a page and waits until its live reload stream is connected, so no rebuild can be missed.</summary>
    private async Task<IPage> OpenAsync(PreviewHarness preview, string path)
    {
        var page = await browser.Browser.NewPageAsync();
        var clients = preview.Server.LiveReloadClients;
        await page.GotoAsync(preview.Url(path).ToString());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (preview.Server.LiveReloadClients <= clients)
        {
            await Task.Delay(20, timeout.Token);
        }

        return page;
    }
}
