using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Digest.Tests.Content;
using Digest.Tests.Templates;

namespace Digest.Tests.Outputs;

/// <summary>Content is data, never markup: script in any field is carried as text in feeds and JSON-LD.</summary>
public sealed class OutputEscapingTests
{
    private const string Script = EscapingTests.Script;
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public void JsonLdRoundTripsAndCannotCloseItsScriptElement()
    {
        using var site = EscapingTests.HostileSite();
        site.BuildOk();

        var html = site.Output("2026/11/03/script-alert-1-script-in-the-title/index.html");
        const string Open = "<script type=\"application/ld+json\">";
        var start = html.IndexOf(Open, StringComparison.Ordinal) + Open.Length;
        var end = html.IndexOf("</script>", start, StringComparison.OrdinalIgnoreCase);
        // Everything up to the first </script> must be the whole JSON document.
        using var json = JsonDocument.Parse(html[start..end]);
        var root = json.RootElement;
        Assert.Equal($"{Script} in the title", root.GetProperty("headline").GetString());
        Assert.Equal($"{Script} in the summary", root.GetProperty("description").GetString());
        Assert.Equal(Script, root.GetProperty("isBasedOn").GetProperty("name").GetString());
        Assert.Equal(Script, root.GetProperty("author")[0].GetProperty("name").GetString());
        Assert.Equal($"{Script}, plain", root.GetProperty("keywords").GetString());
    }

    [Fact]
    public void FeedsCarryScriptAsText()
    {
        using var site = EscapingTests.HostileSite();
        site.BuildOk();

        var atom = XDocument.Parse(site.Output("feed.xml")).Root!.Element(Atom + "entry")!;
        Assert.Equal($"{Script} in the title", atom.Element(Atom + "title")!.Value);
        Assert.Equal($"{Script} in the summary", atom.Element(Atom + "summary")!.Value);
        Assert.Contains(atom.Elements(Atom + "category"), c => c.Attribute("label")!.Value == Script);

        var rss = XDocument.Parse(site.Output("rss.xml")).Root!.Element("channel")!.Element("item")!;
        Assert.Equal($"{Script} in the title", rss.Element("title")!.Value);
        // RSS readers take the description as HTML (issue 15): it carries the summary HTML-escaped, so it shows as text.
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; in the summary", rss.Element("description")!.Value);
        Assert.Contains(rss.Elements("category"), c => c.Value == Script);

        using var json = JsonDocument.Parse(site.Output("feed.json"));
        var item = json.RootElement.GetProperty("items")[0];
        Assert.Equal($"{Script} in the title", item.GetProperty("title").GetString());
        Assert.Equal($"{Script} in the summary", item.GetProperty("summary").GetString());
        Assert.Contains(item.GetProperty("tags").EnumerateArray(), t => t.GetString() == Script);

        var tagFeed = XDocument.Parse(site.Output("tags/script-alert-1-script/feed.xml")).Root!;
        Assert.Equal($"Hostile: {Script}", tagFeed.Element(Atom + "title")!.Value);
    }

    [Fact]
    public void RssDescriptionIsPlainTextAndContentIsEncoded()
    {
        using var site = HostileContentTests.Article("title: A\ndate: 2026-11-03\nsummary: \"<b>bold</b> & <script>x</script>\"", "Body with **strong** text.");
        site.BuildOk();
        XNamespace content = "http://purl.org/rss/1.0/modules/content/";
        var item = XDocument.Parse(site.Output("rss.xml")).Root!.Element("channel")!.Element("item")!;
        var description = item.Element("description")!.Value;
        // A reader takes the description as HTML: parsed as HTML it must be the summary as text, with no element.
        var body = new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + description).Body!;
        Assert.Empty(body.Children);
        Assert.Equal("<b>bold</b> & <script>x</script>", body.TextContent);
        Assert.Equal("<p>Body with <strong>strong</strong> text.</p>\n", item.Element(content + "encoded")!.Value);
    }
}
