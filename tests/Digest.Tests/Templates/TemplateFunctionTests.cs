using System.Text.RegularExpressions;

namespace Digest.Tests.Templates;

/// <summary>The functions Digest adds to Scriban's (docs/theming.md).</summary>
public sealed partial class TemplateFunctionTests
{
    [Fact]
    public void IncludeCachedRendersOncePerNameAndKeysThenReusesTheResult()
    {
        using var site = new InlineSite("""
            -- input/articles/a.md --
            ---
            title: A
            date: 2026-11-03T09:15:00Z
            ---
            Text.
            -- theme/partials/value.html --
            [{{ value }}]
            -- theme/layouts/404.html --
            {{ value = "one" }}{{ include_cached "partials/value.html" "k" }}{{ value = "two" }}{{ include_cached "partials/value.html" "k" }}{{ include_cached "partials/value.html" "other" }}{{ include "partials/value.html" }}
            """);
        site.BuildOk();

        var values = Bracketed().Matches(site.Output("404.html")).Select(m => m.Groups[1].Value);
        Assert.Equal(["one", "one", "two", "two"], values);
    }

    [GeneratedRegex(@"\[(\w+)\]")]
    private static partial Regex Bracketed();
}
