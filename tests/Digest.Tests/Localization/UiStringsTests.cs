using Digest.Diagnostics;
using Digest.Localization;

namespace Digest.Tests.Localization;

/// <summary>Interface text per language: plural forms, dates, numbers and how a site's file overrides the theme's.</summary>
public sealed class UiStringsTests
{
    private static readonly string[] BuiltInLanguages = ["en", "hy", "ru"];
    private static readonly Translations BuiltIn = Load();

    [Theory]
    [InlineData("ru", 1, "1 минута чтения")]
    [InlineData("ru", 2, "2 минуты чтения")]
    [InlineData("ru", 5, "5 минут чтения")]
    [InlineData("ru", 11, "11 минут чтения")]
    [InlineData("ru", 21, "21 минута чтения")]
    [InlineData("ru", 22, "22 минуты чтения")]
    [InlineData("ru", 112, "112 минут чтения")]
    [InlineData("en", 1, "1 min read")]
    [InlineData("hy", 3, "3 րոպե ընթերցում")]
    public void ReadingTimeTakesTheLanguagesPluralForm(string language, int minutes, string expected) =>
        Assert.Equal(expected, BuiltIn.For(language).Plural("reading_time", minutes));

    [Theory]
    [InlineData("ru", 1, "1 статья")]
    [InlineData("ru", 3, "3 статьи")]
    [InlineData("ru", 12345, "12 345 статей")]
    [InlineData("en", 12345, "12,345 articles")]
    [InlineData("en", 1, "1 article")]
    [InlineData("hy", 0, "0 հոդված")]
    public void CountsAreWrittenAsTheLanguageWritesNumbers(string language, int count, string expected) =>
        Assert.Equal(expected, BuiltIn.For(language).Plural("articles_count", count));

    [Theory]
    [InlineData("en", "17 November 2021")]
    [InlineData("ru", "17 ноября 2021")]
    [InlineData("hy", "17 նոյեմբերի 2021 թ.")]
    public void DatesUseTheGenitiveMonthAfterTheDay(string language, string expected) =>
        Assert.Equal(expected, BuiltIn.For(language).Date(new DateTime(2021, 11, 17, 11, 45, 0)));

    [Theory]
    [InlineData("en", "November 2021")]
    [InlineData("ru", "Ноябрь 2021")]
    public void MonthHeadingsUseTheNominative(string language, string expected) =>
        Assert.Equal(expected, BuiltIn.For(language).Month(new DateTime(2021, 11, 1)));

    [Fact]
    public void TimesAreOnTheTwentyFourHourClock() => Assert.Equal("09:05", BuiltIn.For("ru").Time(new DateTime(2021, 11, 17, 9, 5, 0)));

    [Fact]
    public void ALanguageWithoutAFileAndAMissingKeyFallBackToEnglish()
    {
        Assert.Equal("Home", BuiltIn.For("de").Text("home"));
        Assert.Equal("Главная", BuiltIn.For("ru-RU").Text("home"));
        Assert.Null(BuiltIn.For("ru").Text("no_such_key"));
    }

    [Fact]
    public void EveryBuiltInLanguageHasEveryEnglishKey()
    {
        var english = Keys("en");
        foreach (var language in new[] { "hy", "ru" })
        {
            Assert.Empty(english.Except(Keys(language)));
        }
    }

    [Fact]
    public void ASitesFileOverridesOnlyTheKeysItHas()
    {
        var diagnostics = new DiagnosticBag();
        var translations = Translations.Load(
            [("ru", [("built-in", "home: Главная\nfeed: Лента\n"), ("theme/i18n/ru.yml", "home: На главную\n")])], diagnostics);

        Assert.Empty(diagnostics.ToSortedList());
        Assert.Equal("На главную", translations.For("ru").Text("home"));
        Assert.Equal("Лента", translations.For("ru").Text("feed"));
    }

    [Fact]
    public void ABrokenLanguageFileIsALocatedError()
    {
        var diagnostics = new DiagnosticBag();
        Translations.Load([("ru", [("theme/i18n/ru.yml", "home: [Главная\n")]), ("hy", [("theme/i18n/hy.yml", "home:\n  several: x\n")])], diagnostics);

        Assert.Equal(
            ["theme/i18n/hy.yml:2:3: error DG3005: 'home' must be a string, a list of names, or plural forms (one, few, many, other) each with a string. Write it like 'home: text'."],
            diagnostics.ToSortedList().Where(d => d.Path.EndsWith("hy.yml", StringComparison.Ordinal)).Select(d => d.ToString()));
        Assert.Contains(diagnostics.ToSortedList(), d => d.Path == "theme/i18n/ru.yml" && d.Code == DiagnosticCodes.InvalidUiStrings);
    }

    private static IEnumerable<string> Keys(string language) =>
        File.ReadAllLines(Path.Combine(Repository.Root, "theme", "i18n", language + ".yml"))
            .Where(line => line.Length > 0 && char.IsAsciiLetterLower(line[0]))
            .Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)]);

    private static Translations Load() => Translations.Load(
        BuiltInLanguages.Select(language => (language,
            (IReadOnlyList<(string, string)>)[(language + ".yml", File.ReadAllText(Path.Combine(Repository.Root, "theme", "i18n", language + ".yml")))])),
        new DiagnosticBag());
}
