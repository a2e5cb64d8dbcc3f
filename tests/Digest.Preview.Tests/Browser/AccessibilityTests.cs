using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Digest.Preview.Tests.Browser;

/// <summary>
/// Issue 19: axe finds no accessibility violation on the sample digest's pages of each kind, as built (no live reload
/// script). bench/lighthouse.sh scores the same kinds of page with Lighthouse, whose accessibility audits are axe's too.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("")]
    [InlineData("2026/11/03/gyumri-rail-link-reopens-after-two-year-rebuild/")]
    [InlineData("tags/rail/")]
    [InlineData("categories/economy/")]
    [InlineData("2026/11/03/")]
    public async Task AxeFindsNoViolation(string path)
    {
        using var site = TestSite.CopyOfSample();
        await using var preview = await PreviewHarness.StartAsync(site.Root, liveReload: false);
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(preview.Url(path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        var result = await page.RunAxe();
        await context.DisposeAsync();

        Assert.Equal(200, response!.Status);
        // Each violation in full with the elements it names, so that a failure says what to fix.
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help}: " + string.Join(" ", v.Nodes.Select(n => $"{n.Target} {n.Html}"))).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
