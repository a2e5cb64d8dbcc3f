using Microsoft.Playwright;

namespace Digest.Preview.Tests.Browser;

/// <summary>What only a browser shows of the theme: the language switcher, text that never overlaps, images that keep their box.</summary>
public sealed class NewsThemeBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string RailArticle = "2026/11/03/gyumri-rail-link-reopens-after-two-year-rebuild/";
    private const string RussianRailArticle = "ru/2026/11/03/zheleznaya-doroga-erevan-gyumri-otkrylas-posle-dvukhletney-rekonstruktsii/";

    /// <summary>A script that finds two visible text boxes, neither inside the other, that cover each other; and content wider than the window.</summary>
    private const string LayoutProblems = """
        () => {
          const problems = [];
          if (document.documentElement.scrollWidth > window.innerWidth + 1) {
            problems.push(`page is ${document.documentElement.scrollWidth}px wide in a ${window.innerWidth}px window`);
          }
          // Each line of an inline element is a box of its own: the rectangle around a wrapped one covers its neighbours.
          const boxes = [...document.querySelectorAll('h1, h2, p, li > a, nav a, time, .source, img')]
            .filter(e => getComputedStyle(e).visibility !== 'hidden')
            .flatMap(e => [...e.getClientRects()].map(r => ({ e, r })))
            .filter(b => b.r.width > 1 && b.r.height > 1);
          const name = x => `${x.e.tagName.toLowerCase()}.${x.e.className} "${x.e.textContent.trim().slice(0, 30)}"`;
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              const [a, b] = [boxes[i], boxes[j]];
              if (a.e.contains(b.e) || b.e.contains(a.e)) continue;
              const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
              const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
              if (w > 2 && h > 2) problems.push(`${name(a)} overlaps ${name(b)} by ${Math.round(w)}x${Math.round(h)}`);
            }
          }
          return problems.slice(0, 5);
        }
        """;

    [Fact]
    public async Task TheLanguageSwitcherLeadsToTheSameStoryInTheOtherLanguage()
    {
        using var site = TestSite.CopyOfSample();
        await using var preview = await PreviewHarness.StartAsync(site.Root, liveReload: false);
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(preview.Url(RailArticle).ToString());

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Languages" }).GetByRole(AriaRole.Link, new() { Name = "Русский" }).ClickAsync();

        await page.WaitForURLAsync("**/" + RussianRailArticle);
        Assert.Equal("ru", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Главная", await page.GetByRole(AriaRole.Navigation, new() { Name = "Основная навигация" }).GetByRole(AriaRole.Link).First.TextContentAsync());

        // A page with no translation leads to the other edition's front page.
        await page.GotoAsync(preview.Url("tags/chess/").ToString());
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Languages" }).GetByRole(AriaRole.Link, new() { Name = "Հայերեն" }).ClickAsync();
        await page.WaitForURLAsync("**/hy/");
        Assert.Equal("hy", await page.GetAttributeAsync("html", "lang"));
        await page.CloseAsync();
    }

    [Theory]
    [InlineData(375, "")]
    [InlineData(375, RailArticle)]
    [InlineData(375, "ru/tags/yerevan/")]
    [InlineData(1280, "")]
    [InlineData(1280, "hy/")]
    [InlineData(1280, RussianRailArticle)]
    [InlineData(1280, "tags/rail/")]
    public async Task NoTextOverlapsAndNothingIsWiderThanTheWindow(int width, string path)
    {
        using var site = TestSite.CopyOfSample();
        await using var preview = await PreviewHarness.StartAsync(site.Root, liveReload: false);
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(preview.Url(path).ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Empty(await page.EvaluateAsync<string[]>(LayoutProblems));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task ListImagesHaveTheirSizeBeforeTheyLoad()
    {
        using var site = TestSite.CopyOfSample();
        await using var preview = await PreviewHarness.StartAsync(site.Root, liveReload: false);
        var page = await browser.Browser.NewPageAsync();
        // Images never arrive: whatever space they have is what the page gave them before loading.
        var held = new TaskCompletionSource();
        await page.RouteAsync("**/images/**", async route =>
        {
            await held.Task;
            await route.AbortAsync();
        });
        await page.GotoAsync(preview.Url("tags/rail/").ToString(), new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        var image = page.Locator("main img.card-image").First;
        Assert.Equal("lazy", await image.GetAttributeAsync("loading"));
        Assert.False(string.IsNullOrEmpty(await image.GetAttributeAsync("alt")));
        Assert.Equal("400", await image.GetAttributeAsync("width"));
        Assert.Equal("240", await image.GetAttributeAsync("height"));
        var box = await image.BoundingBoxAsync();
        Assert.True(box is { Height: > 50 }, $"the image box is {box?.Width}x{box?.Height} before the image loads");
        held.SetResult();
        await page.CloseAsync();
    }
}
