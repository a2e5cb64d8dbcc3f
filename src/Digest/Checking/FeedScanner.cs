using System.Text.Json;
using System.Xml;
using Digest.Diagnostics;

namespace Digest.Checking;

/// <summary>
/// Parses the machine-read outputs (every .xml file, every .json file) and collects the page URLs that feeds
/// and sitemaps point at: Atom links, RSS links and permalink guids, JSON Feed urls, sitemap locations.
/// </summary>
public static class FeedScanner
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    private static readonly HashSet<string> JsonFeedUrlProperties = new(StringComparer.Ordinal)
    {
        "home_page_url", "feed_url", "url", "image", "banner_image", "icon", "favicon",
    };

    public static FileScan ScanXml(string text)
    {
        var scan = new FileScan();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        var info = (IXmlLineInfo)reader;
        var path = new List<string>();
        try
        {
            // Reading an element's text moves the reader onto the next node, which must then not be skipped.
            var alreadyOnNextNode = false;
            while (alreadyOnNextNode || reader.Read())
            {
                alreadyOnNextNode = false;
                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var (line, column) = (info.LineNumber, info.LinePosition);
                var name = reader.LocalName;
                var parent = path.Count > 0 ? path[^1] : "";
                if (name == "link" && reader.NamespaceURI == AtomNamespace && reader.GetAttribute("href") is { } href)
                {
                    scan.References.Add(new Reference(href, ReferenceKind.FeedEntry, line, column));
                }
                else if (IsText(name, parent, reader) && !reader.IsEmptyElement)
                {
                    var kind = name == "loc" ? ReferenceKind.SitemapEntry : ReferenceKind.FeedEntry;
                    scan.References.Add(new Reference(reader.ReadElementContentAsString().Trim(), kind, line, column));
                    alreadyOnNextNode = true;
                    continue;
                }

                if (!reader.IsEmptyElement)
                {
                    path.Add(name);
                }
            }
        }
        catch (XmlException ex)
        {
            scan.Findings.Add(new Finding(DiagnosticCodes.UnreadableFeed, ex.LineNumber, ex.LinePosition,
                $"this file is not well-formed XML: {ex.Message} Feed readers and search engines will reject it."));
        }

        return scan;
    }

    public static FileScan ScanJson(ReadOnlySpan<byte> bytes, bool isJsonFeed)
    {
        var scan = new FileScan();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var lines = new ByteLines(bytes);
        try
        {
            string? property = null;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    property = reader.GetString();
                    continue;
                }

                if (isJsonFeed && reader.TokenType == JsonTokenType.String && property is not null && JsonFeedUrlProperties.Contains(property))
                {
                    var (line, column) = lines.At((int)reader.TokenStartIndex);
                    scan.References.Add(new Reference(reader.GetString()!, ReferenceKind.FeedEntry, line, column));
                }

                property = null;
            }
        }
        catch (JsonException ex)
        {
            scan.Findings.Add(new Finding(DiagnosticCodes.UnreadableFeed, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1,
                $"this file is not valid JSON: {ex.Message}"));
        }

        return scan;
    }

    /// <summary>Elements whose text is a URL: RSS &lt;link&gt; and permalink &lt;guid&gt;, sitemap &lt;loc&gt;.</summary>
    private static bool IsText(string name, string parent, XmlReader reader) => reader.NamespaceURI.Length == 0 || name == "loc"
        ? name switch
        {
            "loc" => parent is "url" or "sitemap",
            "link" => parent is "channel" or "item" or "image",
            "guid" => parent == "item" && reader.GetAttribute("isPermaLink") != "false",
            _ => false,
        }
        : false;

    /// <summary>Line and column of a byte offset in UTF-8 text, moving forward only.</summary>
    private ref struct ByteLines(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _offset;
        private int _line = 1;
        private int _lineStart;

        public (int Line, int Column) At(int offset)
        {
            var span = _bytes[_offset..offset];
            var newlines = span.Count((byte)'\n');
            if (newlines > 0)
            {
                _line += newlines;
                _lineStart = _offset + span.LastIndexOf((byte)'\n') + 1;
            }

            _offset = offset;
            return (_line, offset - _lineStart + 1);
        }
    }
}
