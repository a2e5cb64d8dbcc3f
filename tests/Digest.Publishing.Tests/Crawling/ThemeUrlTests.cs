using System.Text.RegularExpressions;

namespace Digest.Publishing.Tests.Crawling;

/// <summary>Issue 4: the built-in theme links through <c>url</c>/<c>abs_url</c> only, never with a root-relative string.</summary>
public sealed partial class ThemeUrlTests
{
    [Fact]
    public void TheThemeHasNoRootRelativeUrl()
    {
        var theme = Repository.File("theme");
        var offenders = Directory.EnumerateFiles(theme, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".html" or ".css" or ".svg" or ".xml" or ".js")
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetRelativePath(Repository.Root, f), Line: i + 1, Text: line)))
            .Where(l => RootRelative().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("""<link href="/assets/style.css">""", true)]
    [InlineData("""<img src='/images/a.svg'>""", true)]
    [InlineData("""<img srcset="/a.png 2x">""", true)]
    [InlineData("""background: url(/assets/bg.png);""", true)]
    [InlineData("""background: url( "/assets/bg.png");""", true)]
    [InlineData("""<form action="/search/">""", true)]
    [InlineData("""<a href="{{ (url "/tags/") | html.escape }}">""", false)]
    [InlineData("""<a href="//cdn.example.org/x.js">""", false)]
    [InlineData("""background: url(favicon.svg);""", false)]
    [InlineData("""<a href="#main">""", false)]
    public void ThePatternFindsRootRelativeUrls(string line, bool found)
    {
        Assert.Equal(found, RootRelative().IsMatch(line));
    }

    [GeneratedRegex("""(\b(href|src|srcset|action|poster)\s*=\s*["']?/(?!/))|(url\(\s*["']?/(?!/))""", RegexOptions.IgnoreCase)]
    private static partial Regex RootRelative();
}
