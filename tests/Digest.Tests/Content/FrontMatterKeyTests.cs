namespace Digest.Tests.Content;

/// <summary>
/// Issue 19: front matter keys Digest does not know are warned about, a <c>params:</c> map and <c>front_matter_keys</c>
/// are the ways to keep a theme's own fields, and a <c>categories:</c> list in digest.yml refuses other categories.
/// The exact diagnostics of typical typos are in tests/fixtures/invalid/unknown-front-matter-keys and unlisted-categories.
/// </summary>
public sealed class FrontMatterKeyTests
{
    [Fact]
    public void ParamsEntriesDeclaredKeysAndUnknownKeysAllReachTemplatesAndOnlyTheUnknownOneIsWarnedAbout()
    {
        using var site = new InlineSite("""
            -- digest.yml --
            title: Params
            base_url: https://params.example/
            front_matter_keys: [dateline_city, rating]
            -- input/articles/a.md --
            ---
            title: A
            date: 2026-11-03T09:15:00Z
            layout: probe
            dateline_city: Gyumri
            rating: 1
            mood: calm
            params:
              rating: 4
              Paywall: true
            ---
            Text.
            -- theme/layouts/probe.html --
            [{{ article.params.dateline_city }}|{{ article.params.rating }}|{{ article.params.mood }}|{{ article.params.Paywall }}]
            """);

        var result = site.BuildOk();

        Assert.Equal(
        [
            "input/articles/a.md:7:1: warning DG1201: unknown front-matter key 'mood'. If it is a field for the theme, move it under 'params:', or list it in 'front_matter_keys' of digest.yml.",
        ], TestBuild.Lines(result));
        // An entry of params: wins over a top-level key of the same name; entries keep the case they are written in.
        Assert.Contains("[Gyumri|4|calm|true]", site.Output("2026/11/03/a/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void ParamsThatIsNotAMapIsAnErrorAtItsValue()
    {
        using var site = new InlineSite("""
            -- input/articles/a.md --
            ---
            title: A
            date: 2026-11-03T09:15:00Z
            params: [rating, 4]
            ---
            Text.
            """);

        Assert.Equal(
        [
            "input/articles/a.md:4:9: error DG1007: 'params' must be a map of fields, one per line below it, like 'rating: 4', but it is a list. Change the value of 'params'.",
        ], TestBuild.Lines(site.Build()));
    }

    [Fact]
    public void AnEmptyCategoriesListAllowsNoCategoryAndNamesNoneToUse()
    {
        using var site = new InlineSite("""
            -- digest.yml --
            base_url: https://categories.example/
            categories: []
            -- input/articles/a.md --
            ---
            title: A
            date: 2026-11-03T09:15:00Z
            categories: Economy
            ---
            Text.
            -- input/articles/b.md --
            ---
            title: B
            date: 2026-11-03T10:15:00Z
            ---
            Text.
            """);

        Assert.Equal(
        [
            "input/articles/a.md:4:13: error DG1202: the category 'Economy' is not in the 'categories' list of digest.yml. The list is empty, so articles have no categories: remove 'Economy', or add it to the list.",
        ], TestBuild.Lines(site.Build()));
    }

    [Theory]
    [InlineData("front_matter_keys: {rating: 4}", "'front_matter_keys' must be a list of front matter keys, such as [rating, paywall], got ''.")]
    [InlineData("categories: [Politics, [Economy]]", "'categories' must be a list of category names, such as [Politics, Economy, Culture], got ''.")]
    public void ASettingListOfTheWrongShapeIsAnInvalidSetting(string setting, string message)
    {
        using var site = new InlineSite($"""
            -- digest.yml --
            base_url: https://settings.example/
            {setting}
            -- input/articles/a.md --
            ---
            title: A
            date: 2026-11-03T09:15:00Z
            ---
            Text.
            """);

        Assert.Equal([$"digest.yml:2:1: error DG4002: {message}"], TestBuild.Lines(site.Build()));
    }

    [Fact]
    public void CategoriesAndKeysGivenWithSetAreCommaSeparatedLists()
    {
        using var site = new InlineSite("""
            -- input/articles/a.md --
            ---
            title: A
            date: 2026-11-03T09:15:00Z
            categories: [Economy, Sports]
            rating: 4
            ---
            Text.
            """);

        var result = site.Build(options => options with
        {
            Overrides = [new("categories", "Politics, Economy"), new("front_matter_keys", "rating")],
        });

        Assert.Equal(
        [
            "input/articles/a.md:4:23: error DG1202: the category 'Sports' is not in the 'categories' list of digest.yml. Use one of those listed (Politics, Economy), or add 'Sports' to the list.",
        ], TestBuild.Lines(result));
    }
}
