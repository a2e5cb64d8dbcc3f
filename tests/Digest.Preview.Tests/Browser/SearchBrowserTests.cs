using Microsoft.Playwright;

namespace Digest.Preview.Tests.Browser;

/// <summary>
/// Issue 20: the search box and results page in a real browser, served by <c>digest preview</c> under the sample's base
/// path (<c>/digest/</c>), used with the keyboard alone, in the three languages of the digest.
/// </summary>
public sealed class SearchBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ChessPage = "2026/11/24/dilijan-chess-open-2026-final/";
    private const string ChessTitle = "Ohanyan wins Dilijan Open on tiebreak as Simonyan takes silver";
    /// <summary>Only guards against a hang; not a timing assertion.</summary>
    private const float Wait = 30_000;

    [Fact]
    public async Task AWordTypedInTheHeaderBoxFindsItsArticleAndEnterOpensIt()
    {
        using var site = TestSite.CopyOfSample();
        site.EnableSearch();
        // No live reload: a rebuild for the settings just written would reload the page under the typing.
        await using var preview = await PreviewHarness.StartAsync(site.Root, liveReload: false);
        var (page, errors) = await OpenAsync(preview, "");

        // The keyboard alone: Tab to the search box, type, Enter.
        for (var tabs = 0; tabs < 30 && !await page.EvaluateAsync<bool>("() => document.activeElement?.id === 'site-search-query'"); tabs++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.id === 'site-search-query'"), "Tab never reached the search box");

        await page.Keyboard.TypeAsync("tiebreak");
        Assert.Equal("tiebreak", await page.Locator("#site-search-query").InputValueAsync());
        await page.Keyboard.PressAsync("Enter");

        // The results page, reached by the form, searches the query at once.
        var result = page.Locator(".pagefind-ui__result-link").First;
        await result.WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        Assert.Equal(preview.Url("search/?q=tiebreak").ToString(), page.Url);
        Assert.Equal(ChessTitle, (await result.TextContentAsync())?.Trim());
        // Result links carry the base path, as every link of the site does.
        Assert.Equal("/digest/" + ChessPage, await result.GetAttributeAsync("href"));

        // Focus and Enter in one step: Pagefind's UI may draw its results again as more of them load.
        await result.PressAsync("Enter");
        await page.WaitForURLAsync(preview.Url(ChessPage).ToString(), new PageWaitForURLOptions { Timeout = Wait, WaitUntil = WaitUntilState.Commit });
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("en", "Search", "tiebreak", ChessTitle)]
    [InlineData("ru", "Поиск", "Гюмри", "Из Москвы в Гюмри откроют прямые рейсы три раза в неделю")]
    [InlineData("hy", "Որոնել", "մետրոյի", "Երևանի մետրոյի նոր կայանի նախագիծը ներկայացվեց հանրությանը")]
    public async Task TheResultsPageSpeaksTheSitesLanguageAndFindsAWordOfIt(string language, string placeholder, string word, string title)
    {
        using var site = TestSite.CopyOfSample();
        site.Replace("digest.yml", "language: en", $"language: {language}");
        site.EnableSearch();
        // No live reload: a rebuild for the settings just written would reload the page under the typing.
        await using var preview = await PreviewHarness.StartAsync(site.Root, liveReload: false);
        var (page, errors) = await OpenAsync(preview, "search/");

        var input = page.Locator(".pagefind-ui__search-input");
        await input.WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        Assert.Equal(placeholder, await input.GetAttributeAsync("placeholder"));
        // Pagefind's UI focuses its box on this page: typing goes straight into it.
        await page.WaitForFunctionAsync("() => document.activeElement?.classList.contains('pagefind-ui__search-input')", null,
            new PageWaitForFunctionOptions { Timeout = Wait });
        await page.Keyboard.TypeAsync(word);

        var results = page.Locator(".pagefind-ui__result-link");
        await results.Filter(new LocatorFilterOptions { HasText = title }).WaitForAsync(new LocatorWaitForOptions { Timeout = Wait });
        Assert.Empty(errors);
    }

    private async Task<(IPage Page, List<string> Errors)> OpenAsync(PreviewHarness preview, string path)
    {
        var page = await browser.Browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        var response = await page.GotoAsync(preview.Url(path).ToString());
        Assert.Equal(200, response!.Status);
        return (page, errors);
    }
}
