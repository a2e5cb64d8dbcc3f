using Digest.Diagnostics;
using Digest.Testing;

namespace Digest.Tests.Fuzzing;

/// <summary>
/// Inputs found by the property tests and the fuzzer (issue 15 point 9), each reduced by hand to the smallest file that
/// showed the fault. They stay as tests: the fault comes back, the test fails.
/// </summary>
public sealed class FuzzFindingTests
{
    private const string Settings = "-- digest.yml --\ntitle: Fuzz\nbase_url: https://fuzz.example/\n";

    /// <summary>YamlDotNet's loader threw ArgumentException ("unsupported type") on an entry whose key is empty.</summary>
    [Theory]
    [InlineData("tags:\n  - : x")]
    [InlineData("x:\n- : x")]
    [InlineData("x: &a\n  - : R\n  - b")]
    public void AnEmptyKeyInAListIsALocatedYamlError(string yaml)
    {
        using var site = new InlineSite($"{Settings}-- input/articles/a.md --\n---\ntitle: A\ndate: 2026-11-03\n{yaml}\n---\nText.");
        var result = site.Build();
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("input/articles/a.md", 5, DiagnosticCodes.YamlSyntax), (error.Path, error.Line, error.Code));
        Assert.True(error.Column >= 1, error.ToString());
    }

    [Fact]
    public void AnEmptyKeyInAListInSettingsIsALocatedSettingsError()
    {
        using var site = new InlineSite("-- digest.yml --\ntitle: Fuzz\nkeep:\n  - : x");
        var result = site.Build();
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("digest.yml", 3, 5, DiagnosticCodes.SettingsSyntax), (error.Path, error.Line, error.Column, error.Code));
    }

    /// <summary>An unclosed '[' on the last line of a digest.yml without a final newline was reported on line 2 of a one-line file.</summary>
    [Theory]
    [InlineData("x: [", 1)]
    [InlineData("... \rd", 2)] // found by fuzz/run.sh settings: the scanner gives up past the end of the file
    public void ASyntaxErrorAtTheEndOfSettingsIsReportedInsideTheFile(string yaml, int line)
    {
        using var site = new InlineSite(Settings);
        site.Write("digest.yml", yaml);
        var result = site.Build();
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("digest.yml", line, DiagnosticCodes.SettingsSyntax), (error.Path, error.Line, error.Code));
        Assert.InRange(error.Column, 1, yaml.Length + 1);
    }

    /// <summary>A numeric character reference to a control character ('&amp;#x1b;') reached the HTML raw, though a raw one never does.</summary>
    [Theory]
    [InlineData("&#x1b;[2J")]
    [InlineData("&#27;")]
    [InlineData("&#x85;")]
    [InlineData("&#x7F;")]
    [InlineData("[x](/a \"&#x7;\")")]
    public void ControlCharacterReferencesNeverReachHtmlOrXml(string markdown)
    {
        using var site = new InlineSite($"{Settings}-- input/articles/a.md --\n---\ntitle: A\ndate: 2026-11-03\n---\n{markdown} text");
        site.BuildOk();
        foreach (var (path, text) in site.AllOutput())
        {
            OutputOracle.AssertNoControlCharacters(text, path);
        }
    }
}
