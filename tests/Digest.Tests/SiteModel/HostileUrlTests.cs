using Digest.Diagnostics;
using Digest.Tests.Content;

namespace Digest.Tests.SiteModel;

/// <summary>Issue 15, point 3: no permalink pattern or slug sends an article's page to another host or out of the output.</summary>
public sealed class HostileUrlTests
{
    [Fact]
    public void PermalinkToAnotherHostIsRefused()
    {
        foreach (var pattern in new[] { "//evil.example/{slug}/", "/{year}//{slug}/", "/https:/{slug}/", "/a\\\\b/{slug}/" })
        {
            using var site = HostileContentTests.Article("title: A\ndate: 2026-11-03", settings: $"permalink: \"{pattern}\"");
            var result = site.Build();
            Assert.Contains(result.Diagnostics, d => d is { Path: "digest.yml", Code: DiagnosticCodes.InvalidSetting, Line: 3 });
        }
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("/../x")]
    public void SlugToAnotherHostIsRefused(string slug)
    {
        using var site = HostileContentTests.Article($"title: A\ndate: 2026-11-03\nslug: \"{slug}\"");
        var diagnostic = HostileContentTests.Only(site, DiagnosticCodes.InvalidSlug);
        Assert.Equal(("input/articles/a.md", 4), (diagnostic.Path, diagnostic.Line));
    }
}
