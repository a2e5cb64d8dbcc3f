using System.Net;
using System.Text;
using Digest.Diagnostics;

namespace Digest.Checking;

/// <summary>
/// One forward pass over an HTML page, without building a tree: checks that it is well-formed (every non-void
/// element closed in order, attributes properly quoted and not repeated, no duplicate <c>id</c>) and collects the
/// URLs it refers to (href, src, srcset, poster, CSS <c>url()</c> in style attributes and elements, Open Graph
/// and JSON-LD URLs) and the fragment targets it defines. A full DOM would cost ten times as much for a check
/// that only needs tags and attributes.
/// Longer than the project's 300 lines on purpose: it is one scanner over one cursor and one line count, and its
/// parts (tags, attributes, raw text, CSS and JSON-LD) read and advance the same position.
/// </summary>
public static class HtmlScanner
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    // Their content is text up to the matching end tag, never markup.
    private static readonly HashSet<string> RawTextElements = new(StringComparer.Ordinal) { "script", "style", "textarea", "title" };

    private static readonly HashSet<string> MetadataUrlProperties = new(StringComparer.Ordinal)
    {
        "og:url", "og:image", "og:image:url", "og:image:secure_url", "og:audio", "og:video", "twitter:image",
    };

    public static FileScan Scan(string text)
    {
        var scan = new FileScan();
        new Pass(text, scan).Run();
        return scan;
    }

    private sealed class Pass(string text, FileScan scan)
    {
        private readonly LineCounter _lines = new(text);
        private readonly List<(string Name, int Line, int Column)> _open = [];
        // Values stay as positions in the page: most attributes (class, aria-*, …) are never looked at again.
        private readonly List<(string Name, int Offset, int Length)> _attributes = [];
        // Tag and attribute names repeat thousands of times per page: one string each, found by span.
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
        private int _foreignDepth;
        // Set when the rest of the page cannot be read reliably: later problems would only echo this one.
        private bool _stopped;

        public void Run()
        {
            var i = 0;
            while (i < text.Length)
            {
                var lt = text.IndexOf('<', i);
                if (lt < 0 || lt + 1 >= text.Length)
                {
                    break;
                }

                var next = text[lt + 1];
                if (next == '!')
                {
                    i = SkipMarkupDeclaration(lt);
                }
                else if (next == '/')
                {
                    i = EndTag(lt);
                }
                else if (char.IsAsciiLetter(next))
                {
                    i = StartTag(lt);
                }
                else
                {
                    i = lt + 1; // a '<' in text, such as "a < b"
                }
            }

            for (var k = _open.Count - 1; k >= 0 && !_stopped; k--)
            {
                var (name, line, column) = _open[k];
                Report(line, column, $"<{name}> is never closed. Add </{name}> where the element ends.");
            }
        }

        private int SkipMarkupDeclaration(int lt)
        {
            var (terminator, from) = text.AsSpan(lt).StartsWith("<!--") ? ("-->", lt + 4)
                : text.AsSpan(lt).StartsWith("<![CDATA[") ? ("]]>", lt + 9)
                : (">", lt + 2);
            var end = text.IndexOf(terminator, from, StringComparison.Ordinal);
            if (end < 0)
            {
                ReportAt(lt, terminator == "-->" ? "a comment is never closed with -->." : "a markup declaration is never closed.");
                _stopped = true;
                return text.Length;
            }

            return end + terminator.Length;
        }

        private int EndTag(int lt)
        {
            var nameEnd = ReadName(lt + 2);
            var close = text.IndexOf('>', nameEnd);
            if (nameEnd == lt + 2 || close < 0)
            {
                ReportAt(lt, "an end tag is not closed with '>'.");
                return close < 0 ? text.Length : close + 1;
            }

            var name = Name(lt + 2, nameEnd);
            if (VoidElements.Contains(name))
            {
                ReportAt(lt, $"</{name}> closes a void element, which has no end tag. Remove it.");
                return close + 1;
            }

            var index = _open.FindLastIndex(e => e.Name == name);
            if (index < 0)
            {
                ReportAt(lt, $"</{name}> has no open <{name}> to close. Remove it or add the start tag.");
                return close + 1;
            }

            for (var k = _open.Count - 1; k > index; k--)
            {
                var (unclosed, line, column) = _open[k];
                Report(line, column, $"<{unclosed}> is not closed before </{name}>. Add </{unclosed}> where the element ends.");
            }

            for (var k = _open.Count - 1; k >= index; k--)
            {
                if (IsForeignRoot(_open[k].Name))
                {
                    _foreignDepth--;
                }
            }

            _open.RemoveRange(index, _open.Count - index);
            return close + 1;
        }

        private int StartTag(int lt)
        {
            // Taken first: the line counter only moves forward, and the attributes come after the '<'.
            var position = _lines.At(lt);
            var nameEnd = ReadName(lt + 1);
            var name = Name(lt + 1, nameEnd);
            _attributes.Clear();
            var i = nameEnd;
            var selfClosing = false;
            while (true)
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i >= text.Length)
                {
                    ReportAt(lt, $"the start tag <{name}> is never closed with '>'.");
                    _stopped = true;
                    return text.Length;
                }

                if (text[i] == '>')
                {
                    i++;
                    break;
                }

                if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '>')
                {
                    selfClosing = true;
                    i += 2;
                    break;
                }

                i = Attribute(lt, name, i);
                if (i < 0)
                {
                    return text.Length;
                }
            }

            Element(position, name, selfClosing);
            if (RawTextElements.Contains(name) && !selfClosing)
            {
                return RawText(lt, name, i);
            }

            return i;
        }

        /// <summary>Reads one attribute starting at <paramref name="i"/>; returns where the next one may start, or -1 at a fatal problem.</summary>
        private int Attribute(int lt, string element, int i)
        {
            var nameStart = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('=' or '>') && !(text[i] == '/' && i + 1 < text.Length && text[i + 1] == '>'))
            {
                i++;
            }

            if (i == nameStart)
            {
                // A lone '=' or '/': HTML drops it; it is always a typing slip.
                ReportAt(i, $"a stray '{text[i]}' in the start tag <{element}>.");
                return i + 1;
            }

            var rawName = text.AsSpan(nameStart, i - nameStart);
            if (rawName.IndexOfAny("\"'<") >= 0)
            {
                ReportAt(nameStart, $"the attribute name '{rawName}' in <{element}> contains a quote or '<': a quote is probably missing before it.");
            }

            var name = Name(nameStart, i);
            var j = i;
            while (j < text.Length && char.IsWhiteSpace(text[j]))
            {
                j++;
            }

            var valueOffset = j;
            var valueLength = 0;
            if (j < text.Length && text[j] == '=')
            {
                j++;
                while (j < text.Length && char.IsWhiteSpace(text[j]))
                {
                    j++;
                }

                if (j < text.Length && text[j] is '"' or '\'')
                {
                    var quote = text[j];
                    var close = text.IndexOf(quote, j + 1);
                    if (close < 0)
                    {
                        ReportAt(j, $"the value of '{name}' in <{element}> opens a {(quote == '"' ? "double" : "single")} quote that is never closed.");
                        _stopped = true;
                        return -1;
                    }

                    var endTagInside = text.IndexOf("</", j + 1, close - j - 1, StringComparison.Ordinal);
                    if (endTagInside >= 0)
                    {
                        ReportAt(j, $"the value of '{name}' in <{element}> runs on into an end tag: its closing {(quote == '"' ? "double" : "single")} quote is probably missing. The rest of the page was not checked.");
                        _stopped = true;
                        return -1;
                    }

                    valueOffset = j + 1;
                    valueLength = close - j - 1;
                    i = close + 1;
                    if (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('>' or '/'))
                    {
                        ReportAt(i, $"the attribute '{name}' in <{element}> is followed by '{text[i]}' without a space.");
                    }
                }
                else
                {
                    var start = j;
                    while (j < text.Length && !char.IsWhiteSpace(text[j]) && text[j] != '>')
                    {
                        j++;
                    }

                    valueOffset = start;
                    valueLength = j - start;
                    if (text.AsSpan(start, valueLength).IndexOfAny("\"'=<`") >= 0)
                    {
                        ReportAt(start, $"the unquoted value of '{name}' in <{element}> contains a quote, '=', '<' or '`'. Put the value in double quotes.");
                    }

                    i = j;
                }
            }
            if (_attributes.Exists(a => a.Name == name))
            {
                ReportAt(nameStart, $"<{element}> has the attribute '{name}' twice; browsers ignore the second. Keep one.");
            }
            else
            {
                _attributes.Add((name, valueOffset, valueLength));
            }

            return i;
        }

        private void Element((int Line, int Column) position, string name, bool selfClosing)
        {
            foreach (var (attribute, offset, length) in _attributes)
            {
                string Value() => text.Substring(offset, length);
                switch (attribute)
                {
                    case "id":
                        AddId(Value(), offset, duplicateIsError: true);
                        break;
                    case "name" when name == "a":
                        AddId(Value(), offset, duplicateIsError: false);
                        break;
                    case "href":
                        Add(Value(), offset, HrefKind(name));
                        break;
                    case "src":
                        Add(Value(), offset, name switch { "img" or "source" => ReferenceKind.Image, "script" => ReferenceKind.Script, _ => ReferenceKind.Resource });
                        break;
                    case "poster":
                        Add(Value(), offset, ReferenceKind.Image);
                        break;
                    case "srcset":
                        SourceSet(Value(), offset);
                        break;
                    case "style":
                        CssUrls.Scan(text, offset, offset + length, _lines, scan.References);
                        break;
                    case "content" when name == "meta" && IsMetadataUrl():
                        Add(Value(), offset, ReferenceKind.Metadata);
                        break;
                    default:
                        break;
                }
            }

            var isVoid = VoidElements.Contains(name);
            if (selfClosing && !isVoid && _foreignDepth == 0 && !IsForeignRoot(name))
            {
                Report(position.Line, position.Column, $"<{name}/> does not close itself in HTML, only void elements like <br> do. Write <{name}></{name}>.");
            }

            if (!isVoid && !selfClosing && !RawTextElements.Contains(name))
            {
                _open.Add((name, position.Line, position.Column));
                if (IsForeignRoot(name))
                {
                    _foreignDepth++;
                }
            }
        }

        private int RawText(int lt, string name, int contentStart)
        {
            var end = contentStart;
            while (true)
            {
                end = text.IndexOf("</", end, StringComparison.Ordinal);
                if (end < 0)
                {
                    ReportAt(lt, $"<{name}> is never closed. Add </{name}>.");
                    _stopped = true;
                    return text.Length;
                }

                if (string.Compare(text, end + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && end + 2 + name.Length < text.Length && (text[end + 2 + name.Length] == '>' || char.IsWhiteSpace(text[end + 2 + name.Length])))
                {
                    break;
                }

                end += 2;
            }

            if (name == "style")
            {
                CssUrls.Scan(text, contentStart, end, _lines, scan.References);
            }
            else if (name == "script" && AttributeValue("type") == "application/ld+json")
            {
                JsonLinks(contentStart, end);
            }

            var close = text.IndexOf('>', end);
            return close < 0 ? text.Length : close + 1;
        }

        /// <summary>Absolute URLs in JSON-LD: the caller decides which of them belong to the site.</summary>
        private void JsonLinks(int start, int end)
        {
            var (line, column) = _lines.At(start);
            try
            {
                var reader = new System.Text.Json.Utf8JsonReader(Encoding.UTF8.GetBytes(text[start..end]));
                while (reader.Read())
                {
                    if (reader.TokenType == System.Text.Json.JsonTokenType.String && reader.GetString() is { } value
                        && (value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal)))
                    {
                        scan.References.Add(new Reference(value, ReferenceKind.Metadata, line, column));
                    }
                }
            }
            catch (System.Text.Json.JsonException ex)
            {
                scan.Findings.Add(new Finding(DiagnosticCodes.InvalidJsonLd, line, column, $"the JSON-LD script does not parse: {ex.Message}"));
            }
        }

        private void SourceSet(string value, int offset)
        {
            var position = 0;
            foreach (var candidate in value.Split(','))
            {
                var trimmed = candidate.Trim();
                var url = trimmed.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
                if (url is not null)
                {
                    Add(url, offset + position + candidate.IndexOf(url, StringComparison.Ordinal), ReferenceKind.Image);
                }

                position += candidate.Length + 1;
            }
        }

        private ReferenceKind HrefKind(string element)
        {
            if (element != "link")
            {
                return ReferenceKind.Link;
            }

            var rel = AttributeValue("rel") ?? "";
            return rel.Contains("stylesheet", StringComparison.OrdinalIgnoreCase) ? ReferenceKind.Stylesheet
                : rel.Contains("icon", StringComparison.OrdinalIgnoreCase) ? ReferenceKind.Image
                : ReferenceKind.Link;
        }

        private bool IsMetadataUrl() =>
            (AttributeValue("property") ?? AttributeValue("name")) is { } property && MetadataUrlProperties.Contains(property.ToLowerInvariant());

        private string? AttributeValue(string name) =>
            _attributes.FindIndex(a => a.Name == name) is var index and >= 0 ? text.Substring(_attributes[index].Offset, _attributes[index].Length) : null;

        private void AddId(string value, int offset, bool duplicateIsError)
        {
            var id = Decode(value);
            if (!scan.Ids.Add(id) && duplicateIsError)
            {
                var (line, column) = _lines.At(offset);
                scan.Findings.Add(new Finding(DiagnosticCodes.DuplicateId, line, column,
                    $"the id '{id}' is used twice in this page, so #{id} cannot say which is meant. Make each id unique."));
            }
        }

        private void Add(string value, int offset, ReferenceKind kind)
        {
            var url = Decode(value).Trim();
            if (url.Length > 0)
            {
                var (line, column) = _lines.At(offset);
                scan.References.Add(new Reference(url, kind, line, column));
            }
        }

        private static string Decode(string value) => value.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(value) : value;

        private int ReadName(int i)
        {
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or ':' or '_' or '.'))
            {
                i++;
            }

            return i;
        }

        private string Name(int start, int end)
        {
            var span = text.AsSpan(start, end - start);
            if (span.ContainsAnyInRange('A', 'Z'))
            {
                return span.ToString().ToLowerInvariant();
            }

            var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(span, out var name))
            {
                name = span.ToString();
                _names[name] = name;
            }

            return name;
        }

        private static bool IsForeignRoot(string name) => name is "svg" or "math";

        private void ReportAt(int offset, string message)
        {
            var (line, column) = _lines.At(offset);
            Report(line, column, message);
        }

        private void Report(int line, int column, string message) =>
            scan.Findings.Add(new Finding(DiagnosticCodes.MalformedHtml, line, column, message));
    }
}
