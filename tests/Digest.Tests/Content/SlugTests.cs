using Digest.Content;

namespace Digest.Tests.Content;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Rail link reopens", "rail-link-reopens")]
    [InlineData("  Rail -- link!! reopens  ", "rail-link-reopens")]
    [InlineData("Gyumri's rail link", "gyumris-rail-link")]
    [InlineData("COVID-19 cases fall 12%", "covid-19-cases-fall-12")]
    [InlineData("Երևան", "erevan")]
    [InlineData("Москва", "moskva")]
    [InlineData("Новые рейсы из Москвы", "novye-reysy-iz-moskvy")]
    [InlineData("Café crème", "cafe-creme")]
    [InlineData("!!! ???", "")]
    [InlineData("", "")]
    public void SlugifyMakesAsciiDashedLowerCase(string text, string expected) =>
        Assert.Equal(expected, Slugs.Slugify(text));

    // Decomposed (NFD) input, as some editors and file systems write it, gives the slug of the composed text.
    [Theory]
    [InlineData("Cafe\u0301", "Caf\u00e9", "cafe")]
    [InlineData("\u0418\u0306", "\u0419", "y")]
    [InlineData("\u0438\u0306\u043e\u0434", "\u0439\u043e\u0434", "yod")]
    public void DecomposedInputGivesTheSlugOfTheComposedText(string decomposed, string composed, string slug)
    {
        Assert.Equal(slug, Slugs.Slugify(composed));
        Assert.Equal(slug, Slugs.Slugify(decomposed));
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("???")]
    [InlineData("—")]
    [InlineData("")]
    public void SlugifyNonEmptyFallsBackToAStableHash(string text)
    {
        var slug = Slugs.SlugifyNonEmpty(text, "tag");
        Assert.Matches("^tag-[0-9a-f]{8}$", slug);
        Assert.Equal(slug, Slugs.SlugifyNonEmpty(text, "tag"));
    }

    [Fact]
    public void DifferentSymbolOnlyTextsGetDifferentSlugs() =>
        Assert.NotEqual(Slugs.SlugifyNonEmpty("!!!", "tag"), Slugs.SlugifyNonEmpty("???", "tag"));

    [Fact]
    public void SlugifyNonEmptyKeepsUsableSlugs() => Assert.Equal("rail", Slugs.SlugifyNonEmpty("Rail", "tag"));

    [Fact]
    public void LongSlugsAreCutAtAWordBoundary()
    {
        var slug = Slugs.Slugify(string.Join(' ', Enumerable.Repeat("transport", 20)));
        Assert.True(slug.Length <= 80, slug);
        Assert.EndsWith("transport", slug, StringComparison.Ordinal);
        Assert.False(slug.EndsWith('-'));
    }

    [Fact]
    public void LongSlugWithoutDashesIsCutAtTheLimit() =>
        Assert.Equal(new string('a', 80), Slugs.Slugify(new string('a', 200)));
}
