using AngleSharp.Html.Parser;
using Digest.Diagnostics;

namespace Digest.Tests.Localization;

/// <summary>A site in several languages: each edition under its prefix, translations linked, terms spelt per language.</summary>
public sealed class MultilingualSiteTests
{
    private const string Site = """
        -- digest.yml --
        title: Digest
        base_url: https://example.org/
        language: en
        time_zone: Asia/Yerevan
        languages:
          en: {}
          ru: { title: Дайджест }
          hy: { title: Ամփոփում }
        term_aliases:
          Yerevan: [Ереван, Երևան]
        -- input/articles/metro.md --
        ---
        title: Metro station plan shown
        date: 2021-11-17T11:45:00+04:00
        tags: [Yerevan]
        translation_key: metro
        ---
        Text.
        -- input/articles/metro-ru.md --
        ---
        title: Показали проект станции метро
        date: 2021-11-17T12:00:00+04:00
        lang: ru
        tags: [Ереван]
        translation_key: metro
        ---
        Текст.
        -- input/articles/metro-hy.md --
        ---
        title: Ներկայացվեց մետրոյի կայանի նախագիծը
        date: 2021-11-17T12:10:00+04:00
        lang: hy
        tags: [Երևան]
        translation_of: articles/metro.md
        ---
        Տեքստ։
        """;

    [Fact]
    public void EachLanguageHasItsHomeArchivesTermsAndFeedsUnderItsPrefix()
    {
        using var site = new InlineSite(Site);
        site.BuildOk();

        foreach (var path in new[] { "index.html", "ru/index.html", "hy/index.html", "ru/tags/yerevan/index.html", "hy/tags/yerevan/index.html",
            "ru/2021/11/17/index.html", "ru/2021/11/index.html", "ru/feed.xml", "ru/rss.xml", "ru/feed.json", "ru/tags/yerevan/feed.xml", "ru/categories/index.html" })
        {
            Assert.True(site.OutputExists(path), path);
        }

        var russianHome = Parse(site.Output("ru/index.html"));
        Assert.Equal("ru", russianHome.DocumentElement.GetAttribute("lang"));
        Assert.Equal(["Показали проект станции метро"], russianHome.QuerySelectorAll("main .lead-title, main .card-title").Select(e => e.TextContent));
        Assert.Contains("<title>Дайджест</title>", site.Output("ru/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void TermsKeepTheSpellingOfThePagesLanguageAndAliasesShareOneAddress()
    {
        using var site = new InlineSite(Site);
        site.BuildOk();

        Assert.Equal("Тег: Ереван", Parse(site.Output("ru/tags/yerevan/index.html")).QuerySelector("h1")!.TextContent);
        Assert.Equal("Պիտակ՝ Երևան", Parse(site.Output("hy/tags/yerevan/index.html")).QuerySelector("h1")!.TextContent);
        Assert.Equal("Tag: Yerevan", Parse(site.Output("tags/yerevan/index.html")).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void TranslationsAreLinkedWithHreflangBothWays()
    {
        using var site = new InlineSite(Site);
        site.BuildOk();

        string[] Alternates(string path) =>
            [.. Parse(site.Output(path)).QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("hreflang") + " " + l.GetAttribute("href"))];

        Assert.Equal(
            [
                "en https://example.org/2021/11/17/metro-station-plan-shown/",
                "ru https://example.org/ru/2021/11/17/pokazali-proekt-stantsii-metro/",
                "hy https://example.org/hy/2021/11/17/nerkayatsvets-metroyi-kayani-nakhagitsy/",
            ],
            Alternates("2021/11/17/metro-station-plan-shown/index.html"));
        Assert.Contains("en https://example.org/2021/11/17/metro-station-plan-shown/", Alternates("hy/2021/11/17/nerkayatsvets-metroyi-kayani-nakhagitsy/index.html"));
        Assert.Contains("ru https://example.org/ru/tags/yerevan/", Alternates("tags/yerevan/index.html"));
    }

    [Fact]
    public void NoEnglishInterfaceTextIsLeftInTheRussianEdition()
    {
        using var site = new InlineSite(Site);
        site.BuildOk();

        string[] english = ["Home", "Tags", "Categories", "Skip to content", "min read", "Related articles", "Older", "Newer", "Daily edition",
            "Subscribe", "Source:", "Tag:", "Page not found", "Archive", "Edition of", "November"];
        foreach (var (_, text) in site.AllOutput().Where(o => o.Path.StartsWith("ru/", StringComparison.Ordinal) && o.Path.EndsWith(".html", StringComparison.Ordinal)))
        {
            var visible = Parse(text).Body!.TextContent;
            Assert.DoesNotContain(english, word => visible.Contains(word, StringComparison.Ordinal));
        }

        var day = Parse(site.Output("ru/2021/11/17/index.html"));
        Assert.Equal("17 ноября 2021", day.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void ALanguageTheSiteDoesNotHaveIsALocatedError()
    {
        using var site = new InlineSite(Site + """

            -- input/articles/fr.md --
            ---
            title: Le plan
            date: 2021-11-17T12:00:00+04:00
            lang: fr
            ---
            Texte.
            """);
        var result = site.Build();

        Assert.Equal(
            ["input/articles/fr.md:4:7: error DG1301: 'fr' is not one of the site's languages (en, ru, hy). Use one of them, or add 'fr' to 'languages' in digest.yml."],
            result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()));
    }

    [Fact]
    public void ATranslationOfAnArticleNotPublishedIsALocatedWarning()
    {
        using var site = new InlineSite(Site.Replace("translation_of: articles/metro.md", "translation_of: articles/gone.md", StringComparison.Ordinal));
        var result = site.BuildOk();

        Assert.Equal(
            ["input/articles/metro-hy.md:6:1: warning DG1302: 'translation_of' names input/articles/gone.md, which is not an article this build publishes, so the two are not linked. Write the path of the original from input/, like articles/2026/rail-link.md."],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void ArticleDatesWorkWithScribansDateFunctions()
    {
        using var site = new InlineSite(Site + """

            -- theme/layouts/article.html --
            <p id="d">{{ date.to_string article.date "%Y-%m-%d %H:%M" }}</p>
            """);
        site.BuildOk();

        Assert.Contains("<p id=\"d\">2021-11-17 11:45</p>", site.Output("2021/11/17/metro-station-plan-shown/index.html"), StringComparison.Ordinal);
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
