using System.Text;
using CsCheck;

namespace Digest.Tests.Fuzzing;

/// <summary>
/// CsCheck generators of hostile input for the property tests: front matter, Markdown and <c>digest.yml</c> written the
/// way a careless editor, a broken export or an attacker would write them. Each is text, so a failure prints the file.
/// </summary>
internal static class HostileGen
{
    private static readonly string[] FrontMatterKeys =
    [
        "title", "date", "updated", "summary", "author", "authors", "source", "source_url", "categories", "category",
        "tags", "slug", "draft", "image", "image_alt", "lang", "layout", "menu_order", "Title", "DATE", "Tags", "x", "params",
        "\"quoted key\"", "'<b>'", "? complex", "[a, b]", "{a: b}", "\"\\0\"", "null", "~", "<<", "1",
    ];

    private static readonly string[] SettingKeys =
    [
        "title", "description", "base_url", "language", "time_zone", "page_size", "permalink", "author", "copyright",
        "feed_size", "related_count", "allow_html", "archives", "term_feeds", "custom_domain", "params",
        "follow_links_outside", "keep", "titel", "page-size", "BASE_URL", "x", "<<",
    ];

    /// <summary>Scalars YAML reads in surprising ways: nulls, booleans, numbers, dates real and impossible, tags, escapes.</summary>
    private static readonly string[] OddScalars =
    [
        "", "~", "null", "Null", "NULL", "true", "false", "yes", "no", "off", "0", "-1", "2147483648", "-9223372036854775809",
        "1e309", ".nan", "-.inf", "0x1F", "0o17", "1_000",
        "2026-11-03", "2026-11-03T09:15:00+04:00", "2026-02-30", "2026-13-01", "2026-00-10", "0000-00-00", "0001-01-01",
        "0001-01-01T00:00:00+05:00", "0001-01-01T00:00:00-14:00", "9999-12-31", "9999-12-31T23:59:59-05:00",
        "9999-12-31T23:59:59.9999999-14:00", "2026-11-03T25:00:00Z", "2026-11-03 09:15:00 +04:00", "10000-01-01", "-0001-01-01",
        "2026-11-03T09:15:00+99:00", "2026-W45", "1730000000", "Tue, 03 Nov 2026",
        "\"\\0\"", "\"\\e[31mred\\e[0m\"", "\"\\x1b]0;title\\x07\"", "\"\\u202Eevil\"", "\"\\uFFFF\"", "\"\\uFFFE\"", "\"\\uD800\"",
        "\"\\U0001F600\"", "\"\\N\\_\\L\\P\"", "\"a\\\nb\"",
        "'<script>alert(1)</script>'", "\"</title><script>x</script>\"", "\"]]>\"", "\"&amp; &#0; &#x1b;\"",
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//evil.example/x", "/images/a.jpg", "https://example.org/a b",
        "https://", "http://[::1", "../../etc/passwd", "a/b", "..", "a\\b", "%2e%2e",
        "!!binary aGVsbG8=", "!!int 12", "!!int x", "!!float x", "!!bool maybe", "!!timestamp 2026-11-03", "!!timestamp nope", "!!null x",
        "!!str", "!!map {}", "!!seq []", "!!set {a}", "!!omap [a: 1]", "!custom x", "!<tag:yaml.org,2002:int> 3",
        "'unterminated", "\"unterminated", "{", "[", "}", "]", "- x", "? x", ": x", "|", ">", "|-\n  a\n b", "*undefined", "&", "&a",
        "%YAML 1.2", "@x", "`x`", "#comment", "a: b", "a #b", "a, b, c", ",,,", " , ", "Ա Б 中 🙂", "\t", "---", "...",
        "x\n  y: z", "\"multi\n  line\"",
    ];

    private static readonly string[] HostileUrls =
    [
        "https://example.org/", "javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:x", "vbscript:x", "data:text/html,<b>",
        "//evil.example/", "/root/relative", "../up", "#frag", "?q=1", "mailto:a@b", "", "<>", "http://a b", "https://[::1]:99999/",
        "\u0000", "%00", "&#0;", "&#x6A;avascript:x",
    ];

    private static readonly Gen<string> ControlChar = Gen.OneOf<string>(
        "\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u001B[2J", "\u001F", "\u007F", "\u0085", "\u009B",
        "\u2028", "\u2029", "\uFEFF", "\uFFFE", "\uFFFF", "\r", "\r\n", "\t", "\uD800", "\uDC00");

    private static readonly Gen<string> Word = Gen.OneOf<string>(
        Gen.OneOf<string>("rail", "news", "Ереван", "中文", "🙂", "a", "<b>", "&", "\"", "'", "\\", ":", "#", "*", "!", "%", "@", "`", "|", "-", "?"),
        Gen.Char.AlphaNumeric.Array[1, 8].Select(a => new string(a)));

    /// <summary>Text of a few words with control characters and odd Unicode among them.</summary>
    private static readonly Gen<string> Text = Gen.Frequency<string>(
        (6, Word),
        (2, ControlChar),
        (1, Gen.Char.Array[0, 12].Select(a => new string(a))))
        .Array[0, 8].Select(parts => string.Join(" ", parts));

    /// <summary>A long value: 1 KB to 200 KB of one line, or of many.</summary>
    private static readonly Gen<string> Huge = Gen.Select(Gen.Int[1_000, 200_000], Gen.Bool, (n, lines) => lines
        ? string.Concat(Enumerable.Repeat("word\n", n / 5))
        : new string('a', n));

    /// <summary>What follows "key: " on a front matter or settings line.</summary>
    public static readonly Gen<string> Value = Gen.Recursive<string>((depth, self) => depth >= 3
        ? Gen.OneOf<string>(Gen.OneOf<string>(OddScalars), Text.Select(t => "\"" + t.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""))
        : Gen.Frequency<string>(
            (8, Gen.OneOf<string>(OddScalars)),
            (3, Text),
            (2, Text.Select(t => "\"" + t.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")),
            (1, Huge),
            (3, self.Array[0, 4].Select(items => "[" + string.Join(", ", items) + "]")),
            (2, Gen.Select(Gen.OneOf<string>(FrontMatterKeys), self).Array[0, 3]
                .Select(pairs => "{" + string.Join(", ", pairs.Select(p => p.Item1 + ": " + p.Item2)) + "}")),
            (2, self.Array[1, 4].Select(items => string.Concat(items.Select(i => "\n  - " + i)))),
            (1, Gen.Select(Gen.OneOf<string>("[", "{a: ", "- "), Gen.Int[1, 400]).Select(t => Nest(t.Item1, t.Item2))),
            (1, Gen.OneOf<string>(OddScalars).Select(s => "|\n  " + s.Replace("\n", "\n  ", StringComparison.Ordinal))),
            (1, Gen.Select(Gen.OneOf<string>("a", "b", "x"), self).Select(t => "&" + t.Item1 + " " + t.Item2)),
            (1, Gen.OneOf<string>("*a", "*b", "*x", "&a [*a]", "&a {k: *a}", "&x [&y [*x]]", "*undefined"))));

    private static string Nest(string open, int depth) => open switch
    {
        "[" => new string('[', depth) + new string(']', depth),
        "{a: " => string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth),
        _ => string.Concat(Enumerable.Range(0, depth).Select(i => "\n" + new string(' ', 2 * (i + 1)) + "- ")) + "x",
    };

    /// <summary>An alias-expansion bomb: each level lists the one before it <paramref name="width"/> times.</summary>
    private static string Bomb(int levels, int width)
    {
        var lines = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= levels; i++)
        {
            lines.Append(FormattableString.Invariant($"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", width))}]\n"));
        }

        return lines.ToString();
    }

    private static readonly Gen<string> Line = Gen.Frequency<string>(
        (12, Gen.Select(Gen.OneOf<string>(FrontMatterKeys), Value).Select(t => t.Item1 + ": " + t.Item2)),
        (2, Text),
        (1, Gen.Select(Gen.Int[1, 12], Gen.Int[2, 10]).Select(t => Bomb(t.Item1, t.Item2))),
        (1, Gen.OneOf<string>("---", "...", "%YAML 1.1", "%TAG ! tag:x,2000:", "# comment", "  indented: oddly", "\t tab: x", "key without colon",
            "title: a\ntitle: b", "Title: a\ntitle: b", "<<: *a", "<<: {title: merged}", "? [complex, key]\n: value")));

    /// <summary>The YAML between the '---' lines: mostly known keys with hostile values.</summary>
    public static readonly Gen<string> FrontMatterYaml = Gen.Frequency<string>(
        (10, Line.Array[0, 10].Select(lines => string.Join("\n", lines))),
        (1, Gen.Char.Array[0, 200].Select(a => new string(a))));

    /// <summary>Markdown built from pieces that stress the parser, the extensions and the link rewriting.</summary>
    private static readonly Gen<string> MarkdownPiece = Gen.Frequency<string>(
        (4, Text),
        (1, Gen.Int[1, 6_000].Select(n => new string('>', n) + " deep")),
        (1, Gen.Int[1, 3_000].Select(n => string.Concat(Enumerable.Range(0, n).Select(i => new string(' ', 2 * (i % 200)) + "- item\n")))),
        (1, Gen.Int[1, 3_000].Select(n => new string('*', n) + "x" + new string('*', n))),
        (1, Gen.Int[1, 2_000].Select(n => new string('[', n) + "x" + new string(']', n) + "(y)")),
        (3, Gen.Select(Text, Gen.OneOf<string>(HostileUrls)).Select(t => $"[{t.Item1}]({t.Item2})")),
        (1, Gen.OneOf<string>(HostileUrls).Select(u => $"![alt]({u} \"title\")")),
        (1, Gen.OneOf<string>(HostileUrls).Select(u => $"<{u}>")),
        (1, Gen.OneOf<string>(HostileUrls).Select(u => $"[ref]\n\n[ref]: {u}")),
        (3, Gen.OneOf<string>(
            "<div>", "</div>", "<script>alert(1)</script>", "<!-- more -->", "<!--", "-->", "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:x\">x</a>", "&#0;", "&#x1b;", "&#xD800;", "&#1114112;", "&nbsp;", "```", "```js\nx", "~~~", "    code",
            "| a | b |\n|---|---|\n| 1 |", "+---+\n| a |\n+---+", "+-+\n|", "x[^1]\n\n[^1]: note", "[^1]:", "Term\n: definition",
            "*[HTML]: Hyper", "- [ ] task\n- [x] done", "# heading {#id}", "######## seven", "~~strike~~ ^sup^ ~sub~ ==mark== ++ins++",
            "^^^ figure\n![i](/a.png)\n^^^ caption", "\"\"citation\"\"", "---", "***", "Setext\n===", "1. one\n1) two", "\\", "<", "&")),
        (1, ControlChar));

    public static readonly Gen<string> Markdown = MarkdownPiece.Array[0, 12].Select(pieces => string.Join("\n", pieces));

    /// <summary>A whole article file: front matter, a body, sometimes a damaged frame (no closing line, a BOM, CRLF).</summary>
    public static readonly Gen<string> ArticleText = Gen.Select(FrontMatterYaml, Markdown, Gen.Int[0, 9]).Select(t => t.Item3 switch
    {
        0 => t.Item1 + "\n" + t.Item2,
        1 => "---\n" + t.Item1 + "\n" + t.Item2,
        2 => "\uFEFF---\n" + t.Item1 + "\n---\n" + t.Item2,
        3 => ("---\n" + t.Item1 + "\n---\n" + t.Item2).Replace("\n", "\r\n", StringComparison.Ordinal),
        4 => "---\n" + t.Item1 + "\n...\n" + t.Item2,
        _ => "---\n" + t.Item1 + "\n---\n" + t.Item2,
    });

    /// <summary>An article that parses as far as its body: a valid title and date, so the Markdown path is reached.</summary>
    public static readonly Gen<string> ArticleWithHostileBody = Markdown.Select(body => "---\ntitle: T\ndate: 2026-11-03\n---\n" + body);

    public static readonly Gen<string> FileName = Gen.OneOf<string>(
        "a.md", "2026-11-03-rail.md", "2026-02-30-x.md", "0000-00-00-x.md", "0001-01-01-y.md", "9999-12-31-z.md", "2026-11-03-.md",
        "-.md", "..md", "Ա.md", "%.md");

    /// <summary>A <c>digest.yml</c>: known settings (and misspelt ones) with hostile values.</summary>
    public static readonly Gen<string> SettingsYaml = Gen.Frequency<string>(
        (10, Gen.Frequency<string>(
            (10, Gen.Select(Gen.OneOf<string>(SettingKeys), Value).Select(t => t.Item1 + ": " + t.Item2)),
            (1, Line)).Array[0, 8].Select(lines => string.Join("\n", lines))),
        (1, Gen.Char.Array[0, 200].Select(a => new string(a))));

    /// <summary><c>--set key=value</c> pairs.</summary>
    public static readonly Gen<KeyValuePair<string, string>[]> Overrides =
        Gen.Select(Gen.OneOf<string>(SettingKeys), Gen.Frequency<string>((3, Gen.OneOf<string>(OddScalars)), (1, Text)))
            .Select(t => KeyValuePair.Create(t.Item1, t.Item2)).Array[0, 3];
}
